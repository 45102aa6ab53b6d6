// compile.h — the bytecode compiler's entry point.
//
// compile_program turns a checked program (the main package and, through its
// imports, every standard package it uses) into a vm::Program: one Proto per
// function, method, function literal and compiler-generated wrapper, the
// run-time type descriptors the code needs, and an entry that initialises
// the packages in Go's order and calls main.main.
//
// The compiler trusts the checker: it is only called on a program without
// errors, and it reads the checker's annotations (types, constants, resolved
// objects, selections) instead of re-deriving them. What it cannot compile
// yet (goroutines, channels, select: the scheduler issues) it reports as an
// error with a position, never as a crash.
#pragma once

#include <memory>
#include <string>

#include "lang/source.h"
#include "vm/native.h"
#include "vm/program.h"

namespace gol::lang {

struct Package;

struct CompileError {
  Pos pos;
  std::string message;
};

// Compiles `main` and its imports. On failure returns null and fills *error.
std::unique_ptr<vm::Program> compile_program(const SourceSet& sources, Package* main,
                                             const vm::NativeRegistry& natives, CompileError* error);

}  // namespace gol::lang
