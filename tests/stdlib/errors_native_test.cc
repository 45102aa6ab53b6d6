// errors_native_test.cc — the natives under errors.Is and errors.As.
//
// The panics are Go 1.23's, checked against errors.As: As(err, nil) panics
// "errors: target cannot be nil", As(err, 5) and As(err, (*MyErr)(nil))
// "errors: target must be a non-nil pointer", As(err, new(int)) "errors:
// *target must be interface or implement error"; each panic value is a
// string (recover() returns a string).
#include <gtest/gtest.h>

#include <string>

#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Iface;
using vm::Kind;
using vm::Slot;
using vm::Type;
using vm::TypeTable;

class ErrorsNative : public ::testing::Test {
 protected:
  void SetUp() override {
    vm::runtime_init();
    register_errors_natives(m_registry);
    m_g = vm::new_goroutine();
    TypeTable& tt = TypeTable::get();
    const Type* str = tt.basic(Kind::String);
    const Type* error_sig = tt.func_of({}, {str}, false);
    std::vector<vm::Method> error_method = {{vm::intern_name("Error"), error_sig, nullptr, true}};

    // type PtrErr struct{ msg string }, with func (*PtrErr) Error() string
    Type* ptr_err = tt.new_named("PtrErr", "main", 9001);
    tt.set_underlying(ptr_err, tt.struct_of({{"msg", str, false, ""}}, "main"));
    m_ptr_err = tt.pointer_to(ptr_err);
    tt.set_methods(m_ptr_err, error_method);

    // type ValErr struct{ code int; msg string }, with func (ValErr) Error() string
    Type* val_err = tt.new_named("ValErr", "main", 9002);
    tt.set_underlying(val_err, tt.struct_of({{"code", tt.basic(Kind::Int), false, ""}, {"msg", str, false, ""}}, "main"));
    tt.set_methods(val_err, error_method);
    tt.set_methods(tt.pointer_to(val_err), error_method);
    m_val_err = val_err;

    // type Other struct{}, with func (*Other) Error() string
    Type* other = tt.new_named("Other", "main", 9003);
    tt.set_underlying(other, tt.struct_of({}, "main"));
    m_ptr_other = tt.pointer_to(other);
    tt.set_methods(m_ptr_other, error_method);

    // interface{ Timeout() bool }
    m_timeout_iface = tt.interface_of({{"Timeout", tt.func_of({}, {tt.basic(Kind::Bool)}, false)}}, "main");
  }

  vm::NativeStatus call(const char* name, Slot* window) {
    vm::NativeFn fn = m_registry.find(std::string("errors.") + name);
    EXPECT_NE(fn, nullptr) << name;
    return fn(*m_g, window);
  }

  static void put(Slot* w, Iface v) {
    w[0].cp = v.type;
    w[1] = v.data;
  }

  // A pointer value in an interface: type *T, data the pointer.
  static Iface ptr_iface(const Type* t, void* p) {
    Slot s;
    s.p = p;
    return Iface{t, s};
  }

  bool is_comparable(Iface v) {
    Slot w[2];
    put(w, v);
    EXPECT_EQ(call("isComparable", w), vm::NativeStatus::Ok);
    return w[0].i != 0;
  }

  // The panic message of validateAsTarget(target), or "" when it returns.
  std::string validate(Iface target) {
    Slot w[2];
    put(w, target);
    m_g->has_pending_panic = false;
    if (call("validateAsTarget", w) == vm::NativeStatus::Ok) return "";
    EXPECT_TRUE(m_g->has_pending_panic);
    EXPECT_EQ(m_g->pending_panic.type, TypeTable::get().basic(Kind::String));
    const auto* s = reinterpret_cast<const vm::StringHeader*>(vm::iface_payload(m_g->pending_panic));
    return std::string(s->view());
  }

  bool assign_as(Iface err, Iface target) {
    Slot w[4];
    put(w, err);
    put(w + 2, target);
    EXPECT_EQ(call("assignAs", w), vm::NativeStatus::Ok);
    return w[0].i != 0;
  }

  vm::NativeRegistry m_registry;
  vm::Goroutine* m_g = nullptr;
  const Type* m_ptr_err = nullptr;
  const Type* m_val_err = nullptr;
  const Type* m_ptr_other = nullptr;
  const Type* m_timeout_iface = nullptr;
};

TEST_F(ErrorsNative, IsComparableFollowsTheDynamicType) {
  TypeTable& tt = TypeTable::get();
  Slot zero{};
  EXPECT_TRUE(is_comparable(Iface{tt.basic(Kind::Int), zero}));
  EXPECT_TRUE(is_comparable(ptr_iface(m_ptr_err, nullptr)));
  EXPECT_TRUE(is_comparable(Iface{nullptr, zero}));
  EXPECT_FALSE(is_comparable(Iface{tt.slice_of(tt.basic(Kind::Int)), zero}));
  EXPECT_FALSE(is_comparable(Iface{tt.map_of(tt.basic(Kind::String), tt.basic(Kind::Int)), zero}));
  const Type* with_slice = tt.struct_of({{"xs", tt.slice_of(tt.basic(Kind::Int)), false, ""}}, "main");
  EXPECT_FALSE(is_comparable(Iface{with_slice, zero}));
}

TEST_F(ErrorsNative, ValidateAsTargetPanicsWithGoMessages) {
  TypeTable& tt = TypeTable::get();
  Slot five;
  five.i = 5;
  int64_t cell = 0;
  EXPECT_EQ(validate(Iface{nullptr, Slot{}}), "errors: target cannot be nil");
  EXPECT_EQ(validate(Iface{tt.basic(Kind::Int), five}), "errors: target must be a non-nil pointer");
  EXPECT_EQ(validate(ptr_iface(tt.pointer_to(m_ptr_err), nullptr)), "errors: target must be a non-nil pointer");
  EXPECT_EQ(validate(ptr_iface(tt.pointer_to(tt.basic(Kind::Int)), &cell)),
            "errors: *target must be interface or implement error");
  // *ValErr: ValErr itself implements error (value receiver).
  EXPECT_EQ(validate(ptr_iface(tt.pointer_to(m_val_err), &cell)), "");
  EXPECT_EQ(validate(ptr_iface(tt.pointer_to(m_ptr_err), &cell)), "");
  EXPECT_EQ(validate(ptr_iface(tt.pointer_to(tt.error_type()), &cell)), "");
  EXPECT_EQ(validate(ptr_iface(tt.pointer_to(m_timeout_iface), &cell)), "");
  EXPECT_EQ(validate(ptr_iface(tt.pointer_to(tt.empty_interface()), &cell)), "");
}

TEST_F(ErrorsNative, AssignAsStoresAPointerError) {
  TypeTable& tt = TypeTable::get();
  int object = 0;
  Iface err = ptr_iface(m_ptr_err, &object);
  void* cell = nullptr;
  EXPECT_TRUE(assign_as(err, ptr_iface(tt.pointer_to(m_ptr_err), &cell)));
  EXPECT_EQ(cell, &object);

  void* other_cell = nullptr;
  EXPECT_FALSE(assign_as(err, ptr_iface(tt.pointer_to(m_ptr_other), &other_cell)));
  EXPECT_EQ(other_cell, nullptr);
}

TEST_F(ErrorsNative, AssignAsToAnInterfaceKeepsTypeAndData) {
  TypeTable& tt = TypeTable::get();
  int object = 0;
  Iface err = ptr_iface(m_ptr_err, &object);
  Slot cell[2] = {};
  EXPECT_TRUE(assign_as(err, ptr_iface(tt.pointer_to(tt.error_type()), cell)));
  EXPECT_EQ(cell[0].cp, m_ptr_err);
  EXPECT_EQ(cell[1].p, &object);

  Slot any_cell[2] = {};
  EXPECT_TRUE(assign_as(err, ptr_iface(tt.pointer_to(tt.empty_interface()), any_cell)));
  EXPECT_EQ(any_cell[0].cp, m_ptr_err);

  // *PtrErr has no Timeout method: not assignable, target untouched.
  Slot timeout_cell[2] = {};
  EXPECT_FALSE(assign_as(err, ptr_iface(tt.pointer_to(m_timeout_iface), timeout_cell)));
  EXPECT_EQ(timeout_cell[0].cp, nullptr);
}

TEST_F(ErrorsNative, AssignAsCopiesAMultiSlotValue) {
  TypeTable& tt = TypeTable::get();
  Slot value[3];
  value[0].i = 42;
  value[1].cp = "boom";
  value[2].i = 4;
  Iface err = vm::make_iface(m_val_err, value);
  Slot cell[3] = {};
  EXPECT_TRUE(assign_as(err, ptr_iface(tt.pointer_to(m_val_err), cell)));
  EXPECT_EQ(cell[0].i, 42);
  EXPECT_EQ(cell[1].cp, value[1].cp);
  EXPECT_EQ(cell[2].i, 4);
  // A *ValErr error is not a ValErr.
  Slot cell2[3] = {};
  EXPECT_FALSE(assign_as(ptr_iface(tt.pointer_to(m_val_err), value), ptr_iface(tt.pointer_to(m_val_err), cell2)));
  EXPECT_EQ(cell2[0].i, 0);
}

TEST_F(ErrorsNative, AssignAsAcceptsAnUnnamedTypeWithTheSameUnderlyingType) {
  // Go: an unnamed struct{ error } value is assignable to a named type whose
  // underlying type is that struct.
  TypeTable& tt = TypeTable::get();
  const Type* wrapper = tt.struct_of({{"error", tt.error_type(), true, ""}}, "main");
  Type* named = tt.new_named("Wrapped", "main", 9004);
  tt.set_underlying(named, wrapper);
  Slot value[2];
  value[0].cp = m_ptr_err;
  value[1].p = nullptr;
  Iface err = vm::make_iface(wrapper, value);
  Slot cell[2] = {};
  EXPECT_TRUE(assign_as(err, ptr_iface(tt.pointer_to(named), cell)));
  EXPECT_EQ(cell[0].cp, m_ptr_err);
}

}  // namespace
}  // namespace gol::stdlib
