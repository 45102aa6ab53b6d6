// registry_test.cc — the standard packages' declarations, seen by the front end.
//
// Each package's Go source must register under its import path, parse, import
// only registered packages, and type-check with no diagnostic; and programs
// using the packages must type-check as they do under Go, including the
// errors Go reports for wrong calls. Whether the Go bodies behave as Go's
// library does was checked differentially against Go itself (see the stdlib
// helper's report); running them waits for the VM.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lang/ast.h"
#include "lang/check.h"
#include "lang/parse.h"
#include "lang/registry.h"
#include "lang/source.h"
#include "stdlib/stdlib.h"

namespace gol::lang {
namespace {

const std::vector<std::string> kPaths = {
    "bufio", "bytes", "container/heap", "container/list", "context", "errors", "flag", "fmt", "io", "math",
    "math/rand", "net", "os", "os/signal", "runtime", "runtime/pprof", "runtime/trace", "sort",
    "strconv", "strings", "sync", "sync/atomic", "syscall", "time", "unicode", "unicode/utf8"};

PackageRegistry make_registry() {
  PackageRegistry registry;
  stdlib::register_packages(registry);
  return registry;
}

// The diagnostics, sorted, each as "file:line:col: message".
std::vector<std::string> render(const SourceSet& sources, const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted()) out.push_back(format_pos(sources, d.pos) + ": " + d.message);
  return out;
}

// Parses and type-checks `text` as the program prog.gol; returns its diagnostics.
std::vector<std::string> check_program(const std::string& text) {
  PackageRegistry registry = make_registry();
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  int32_t id = sources.add("prog.gol", text);
  File* file = parse_file(sources, id, arena, diags);
  if (diags.empty()) check_package(sources, arena, {file}, registry, diags);
  return render(sources, diags);
}

// The last element of an import path: the package's name.
std::string package_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

TEST(StdlibRegistry, RegistersExactlyThePackages) {
  PackageRegistry registry = make_registry();
  EXPECT_EQ(registry.paths(), kPaths);
  for (const std::string& path : kPaths) {
    const PackageSource* pkg = registry.find(path);
    ASSERT_NE(pkg, nullptr) << path;
    EXPECT_EQ(pkg->path, path);
  }
  EXPECT_EQ(registry.find("utf8"), nullptr);
  EXPECT_EQ(registry.find("net/http"), nullptr);
}

TEST(StdlibRegistry, SourceStartsWithItsPackageClause) {
  PackageRegistry registry = make_registry();
  for (const std::string& path : kPaths) {
    std::string clause = "package " + package_name(path) + "\n";
    EXPECT_EQ(registry.find(path)->source.substr(0, clause.size()), clause) << path;
  }
}

class StdlibPackage : public ::testing::TestWithParam<std::string> {};

// Each source parses cleanly, its package clause names the package, and it
// imports only registered packages (the checker resolves them through the
// same registry).
TEST_P(StdlibPackage, ParsesAndImportsOnlyRegisteredPackages) {
  PackageRegistry registry = make_registry();
  const PackageSource* pkg = registry.find(GetParam());
  ASSERT_NE(pkg, nullptr);
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  int32_t id = sources.add(GetParam() + ".go", std::string(pkg->source));
  File* file = parse_file(sources, id, arena, diags);
  EXPECT_EQ(render(sources, diags), std::vector<std::string>{});
  ASSERT_NE(file->package_name, nullptr);
  EXPECT_EQ(file->package_name->name, package_name(GetParam()));
  for (Node* decl : file->decls) {
    auto* gen = decl->as<GenDecl>();
    if (gen == nullptr || gen->op != Op::Import) continue;
    for (Node* spec : gen->specs) {
      const std::string& raw = spec->as<ImportSpec>()->path->raw;
      std::string imported = raw.substr(1, raw.size() - 2);
      EXPECT_NE(registry.find(imported), nullptr) << GetParam() << " imports " << imported;
      EXPECT_NE(imported, GetParam());
    }
  }
}

// Importing the package makes the checker parse and check all of its source:
// any error there would be reported along with the program's.
TEST_P(StdlibPackage, TypeChecksWithoutDiagnostics) {
  std::string name = package_name(GetParam());
  std::string text = "package main\n\nimport \"" + GetParam() + "\"\n\nfunc main() {\n";
  // One member of each package, so the import is used.
  if (name == "bufio") text += "\t_ = bufio.NewReader\n";
  if (name == "errors") text += "\t_ = errors.New\n";
  if (name == "fmt") text += "\t_ = fmt.Sprint\n";
  if (name == "io") text += "\t_ = io.EOF\n";
  if (name == "math") text += "\t_ = math.Pi\n";
  if (name == "rand") text += "\t_ = rand.Intn\n";
  if (name == "context") text += "\t_ = context.Background\n";
  if (name == "bytes") text += "\t_ = bytes.NewBuffer\n";
  if (name == "flag") text += "\t_ = flag.Parse\n";
  if (name == "heap") text += "\t_ = heap.Init\n";
  if (name == "list") text += "\t_ = list.New\n";
  if (name == "net") text += "\t_ = net.Dial\n";
  if (name == "os") text += "\t_ = os.Args\n";
  if (name == "signal") text += "\t_ = signal.Notify\n";
  if (name == "syscall") text += "\t_ = syscall.Kill\n";
  if (name == "runtime") text += "\t_ = runtime.Gosched\n";
  if (name == "pprof") text += "\t_ = pprof.Lookup\n";
  if (name == "trace") text += "\t_ = trace.IsEnabled\n";
  if (name == "sort") text += "\t_ = sort.Ints\n";
  if (name == "strconv") text += "\t_ = strconv.Itoa\n";
  if (name == "strings") text += "\t_ = strings.Split\n";
  if (name == "time") text += "\t_ = time.Now\n";
  if (name == "sync") text += "\t_ = sync.NewCond\n";
  if (name == "atomic") text += "\t_ = atomic.AddInt64\n";
  if (name == "unicode") text += "\t_ = unicode.IsLetter\n";
  if (name == "utf8") text += "\t_ = utf8.RuneLen\n";
  text += "}\n";
  EXPECT_EQ(check_program(text), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(AllPackages, StdlibPackage, ::testing::ValuesIn(kPaths),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return package_name(info.param);
                         });

TEST(StdlibCheck, EveryPackageTogether) {
  EXPECT_EQ(check_program(R"go(package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	_, _, _, _, _ = errors.New, fmt.Sprint, io.EOF, math.Pi, os.Args
	_, _, _, _ = sort.Ints, strconv.Itoa, strings.Split, utf8.RuneLen
}
)go"),
            std::vector<std::string>{});
}

// Everyday uses of the packages, each relying on an exact Go signature,
// constant or method set.
TEST(StdlibCheck, WellKnownSignaturesResolve) {
  EXPECT_EQ(check_program(R"go(package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprintf("(%d, %d)", p.x, p.y) }

func main() {
	parts := strings.Split("a,b,c", ",")
	s := fmt.Sprintf("%d", 1)
	xs := []int{3, 1, 2}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	sort.Sort(byLen(parts))
	i := sort.SearchInts(xs, 2)

	err := fmt.Errorf("read: %w", io.EOF)
	if errors.Is(err, io.EOF) {
		fmt.Println("eof")
	}
	var ne *strconv.NumError
	if _, err := strconv.Atoi("x"); errors.As(err, &ne) {
		fmt.Println(ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	}
	err = errors.Join(err, errors.New("second"), errors.Unwrap(err))

	n := utf8.RuneLen('é')
	r, size := utf8.DecodeRuneInString("héllo")
	buf := utf8.AppendRune(nil, r)
	v, err2 := strconv.Atoi("12")
	f, _ := strconv.ParseFloat("1.5", 64)
	q := strconv.Quote("hi") + strconv.FormatInt(-42, 16) + strconv.Itoa(v)

	var b strings.Builder
	b.WriteString("x")
	b.WriteByte('y')
	b.WriteRune('z')
	fmt.Fprintf(&b, "%d", 2)
	var w io.Writer = os.Stdout
	fmt.Fprintln(w, b.String(), b.Len())
	fmt.Fprintln(os.Stderr, strings.NewReplacer("a", "b").Replace("abc"))
	var st fmt.Stringer = point{1, 2}

	before, after, found := strings.Cut("k=v", "=")
	fields := strings.Fields(" a b ")
	up := strings.ToUpper(strings.TrimSpace(" x ")) + strings.Repeat("-", 3) + strings.Join(fields, ",")
	idx := strings.IndexFunc("abc", func(c rune) bool { return c == 'b' })

	h := math.Sqrt(2)*math.Pi + math.Floor(2.5) + math.Inf(1) + math.Max(1, 2)
	var u8 uint8 = math.MaxUint8
	var big uint64 = math.MaxUint64
	var small int64 = math.MinInt64
	frac, exp := math.Frexp(8)
	const tiny = math.SmallestNonzeroFloat64

	data, err3 := os.ReadFile("x.txt")
	if len(os.Args) > 1 {
		os.Exit(2)
	}
	home := os.Getenv("HOME")
	if _, ok := os.LookupEnv("X"); ok && os.IsNotExist(err3) {
		fmt.Print(home)
	}

	fmt.Println(parts, s, i, n, size, buf, v, err2, f, q, st, before, after, found, up, idx)
	fmt.Println(h, u8, big, small, frac, exp, tiny, data, err)
}
)go"),
            std::vector<std::string>{});
}

// Wrong uses report Go's errors (current Go's wording), at Go's positions.
TEST(StdlibCheck, WrongCallsReportGoErrors) {
  EXPECT_EQ(check_program(R"go(package main

import (
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	_ = strings.Split(1, ",")
	_ = strings.Foo
	x := strconv.Atoi("1")
	_ = utf8.RuneLen("x")
	sort.Sort([]int{1})
	var b strings.Builder
	b.Foo()
	var n int = os.Args
	_, _ = x, n
}
)go"),
            (std::vector<std::string>{
                "prog.gol:12:20: cannot use 1 (untyped int constant) as string value in argument to "
                "strings.Split",
                "prog.gol:13:14: undefined: strings.Foo",
                "prog.gol:14:7: assignment mismatch: 1 variable but strconv.Atoi returns 2 values",
                "prog.gol:15:19: cannot use \"x\" (untyped string constant) as rune value in argument to "
                "utf8.RuneLen",
                "prog.gol:16:12: cannot use []int{…} (value of type []int) as sort.Interface value in "
                "argument to sort.Sort: []int does not implement sort.Interface (missing method Len)",
                "prog.gol:18:4: b.Foo undefined (type strings.Builder has no field or method Foo)",
                "prog.gol:19:14: cannot use os.Args (variable of type []string) as int value in variable "
                "declaration",
            }));
}

TEST(StdlibCheck, ArgumentCountErrorsNameTheSignature) {
  std::vector<std::string> diags = check_program(R"go(package main

import "strings"

func main() {
	_ = strings.Split("a")
}
)go");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].find("prog.gol:6:"), std::string::npos) << diags[0];
  EXPECT_NE(diags[0].find("not enough arguments in call to strings.Split\n\thave (string)\n\twant (string, string)"),
            std::string::npos)
      << diags[0];
}

// Unexported helpers of a package are not reachable from a program.
TEST(StdlibCheck, UnexportedMembersAreHidden) {
  std::vector<std::string> diags = check_program(R"go(package main

import "strings"

func main() {
	_ = strings.isSpace
}
)go");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].find("prog.gol:6:14: "), std::string::npos) << diags[0];
}

}  // namespace
}  // namespace gol::lang
