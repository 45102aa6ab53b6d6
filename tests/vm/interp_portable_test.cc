// interp_portable_test.cc — the dispatch loop compiled a second time with the
// portable switch (GOL_PORTABLE_DISPATCH), as interp::execute_portable, so
// the tests in interp_test.cc and panic_test.cc run every program through
// both builds of the loop. No tests of its own.
#define GOL_PORTABLE_DISPATCH 1
#define GOL_EXECUTE_NAME execute_portable
#include "vm/interp_loop.cc"
