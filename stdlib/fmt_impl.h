// fmt_impl.h — the C++ side of packages fmt and strconv (internal to stdlib/).
//
// Three layers, each usable alone (and by the unit tests):
//   text     (fmt_quote.cc)  Unicode printability, Go quoting and unquoting:
//                            what strconv.Quote*/Unquote* and fmt's %q need.
//   numbers  (fmt_float.cc)  Go's float formatting ('b' 'e' 'E' 'f' 'g' 'G'
//                            'x' 'X', shortest or fixed precision) and
//                            ParseFloat's grammar; integer digits in any base.
//   printer  (fmt_format.cc, fmt_print.cc)  Go's fmt printer over the VM's
//                            run-time types (vm/type.h) and slot layout.
// The natives that expose them to gol are in fmt_native.cc and
// strconv_native.cc.
//
// The printer never calls gol code (vm/native.h). Printing a value whose
// Error() or String() method must run is done in two passes over the same
// arguments (fmt.cc's header tells the whole story): a Collect pass that lists
// the receivers in the order the formatter needs them, and, after gol code has
// called the methods, a Format pass that takes their results in that order.
// Both passes run the very same code; only handle_methods differs, and the
// result of a method never steers the walk, so both see the same sequence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/type.h"
#include "vm/value.h"

namespace gol::stdlib {

// ----------------------------------------------------------- text (fmt_quote.cc)

bool is_print(int32_t r);    // strconv.IsPrint: letters, marks, numbers, punctuation, symbols, ' '
bool is_graphic(int32_t r);  // strconv.IsGraphic: IsPrint plus the Zs spaces

enum class QuoteMode : uint8_t { Plain, Ascii, Graphic };  // Quote, QuoteToASCII, QuoteToGraphic
void append_quoted(std::string& out, std::string_view s, QuoteMode mode);
void append_quoted_rune(std::string& out, int32_t r, QuoteMode mode);
bool can_backquote(std::string_view s);
void append_rune_utf8(std::string& out, int32_t r);  // invalid runes as U+FFFD
// Decodes the rune at s[i]; *width gets its length (1 for an invalid byte,
// which decodes as U+FFFD, as Go's utf8.DecodeRuneInString).
int32_t decode_rune_at(std::string_view s, size_t i, size_t* width);
size_t rune_count(std::string_view s);

// strconv.UnquoteChar: decodes the first character or escape of s (the body
// of a literal quoted by `quote`). False for a syntax error.
bool unquote_char(std::string_view s, char quote, int32_t* value, bool* multibyte, std::string_view* tail);
// strconv.Unquote. False for a syntax error.
bool unquote(std::string_view s, std::string* out);

// ------------------------------------------------------ numbers (fmt_float.cc)

// strconv.FormatFloat / AppendFloat: fmt one of b e E f g G x X; prec -1 for
// the fewest digits that read back exactly; bit_size 32 or 64.
void append_float(std::string& out, double v, char fmt, int prec, int bit_size);
std::string format_float(double v, char fmt, int prec, int bit_size);
// strconv.FormatInt/FormatUint digits (base 2..36, lower-case letters).
void append_int(std::string& out, uint64_t magnitude, bool negative, int base);

enum class ParseStatus : int { Ok = 0, Syntax = 1, Range = 2 };
// strconv.ParseFloat's grammar and rounding (to float32 when bit_size is 32).
ParseStatus parse_float(std::string_view s, int bit_size, double* result);

// ------------------------------------------- formatting primitives (fmt_format.cc)

// Go's fmt.fmt: one operand's flags, width and precision, and the routines
// that pad and render basic values under them into `buf`.
struct FmtFlags {
  bool wid_present = false;
  bool prec_present = false;
  bool minus = false;
  bool plus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  // %+v and %#v: the flag is moved here so that nested values see plus and
  // sharp cleared (as Go's plusV/sharpV).
  bool plus_v = false;
  bool sharp_v = false;
};

class Fmt {
 public:
  explicit Fmt(std::string* buf) : m_buf(buf) {}
  FmtFlags flags;
  int wid = 0;
  int prec = 0;

  void clear_flags() {
    flags = FmtFlags{};
    wid = prec = 0;
  }
  void write_padding(int n);
  void pad(std::string_view s);  // width counted in runes
  void fmt_boolean(bool v);
  void fmt_unicode(uint64_t u);
  // digits: lower- or upper-case hex letters.
  void fmt_integer(uint64_t u, int base, bool is_signed, int32_t verb, bool upper);
  void fmt_s(std::string_view s);
  void fmt_sbx(std::string_view s, bool upper);
  void fmt_q(std::string_view s);
  void fmt_c(uint64_t c);
  void fmt_qc(uint64_t c);
  void fmt_float(double v, int size, int32_t verb, int prec);

 private:
  std::string_view truncate(std::string_view s) const;
  std::string* m_buf;
};

// -------------------------------------------------- printer (fmt_print.cc)

// Which method handle_methods runs for a value (Go's order: error first).
enum class MethodKind : uint8_t { None, Error, String };
MethodKind method_kind(const vm::Type* t);

// What gol code reports for one method call of the Format pass.
struct MethodResult {
  vm::StringHeader text;  // the method's result, or the panic value's text
  bool panicked;
};

enum class PrintMode : uint8_t { Print, Println, Printf, PrintfWrap };

// One run of the printer. Collect: `results` is ignored and `calls` receives
// every receiver (as `any`) whose method the Format pass will need. Format:
// `results` holds them in the same order. Either way `text` is the output
// (only the Format pass's is meaningful when methods were involved) and
// `wrapped` the operand index of every %w (PrintfWrap).
struct PrintJob {
  PrintMode mode = PrintMode::Print;
  std::string_view format;
  const vm::Iface* args = nullptr;
  size_t nargs = 0;
  const MethodResult* results = nullptr;
  size_t nresults = 0;
};

struct PrintOutput {
  std::string text;
  std::vector<int64_t> wrapped;
};

// The Collect pass: returns the receivers (a GC array, *count entries; null
// when none), in formatting order.
vm::Iface* collect_method_calls(const PrintJob& job, size_t* count);
// The Format pass.
PrintOutput format_job(const PrintJob& job);
// Whether any value reachable from the arguments could have an Error/String
// method (false lets the natives skip the Collect walk).
bool args_may_need_methods(const vm::Iface* args, size_t nargs);

}  // namespace gol::stdlib
