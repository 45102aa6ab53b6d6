// profile_encode.cc — profiles as bytes: profile.proto (gzipped), and Go's
// legacy text forms for debug=1 (see profile.h).
//
// The core idea: profile.proto is small enough to write by hand — varints
// and length-delimited fields (github.com/google/pprof/proto/profile.proto
// gives the field numbers used below), one string table, one Location per
// (function, pc), one Function per (name, file), and a single Mapping that
// says functions, files and lines are already resolved, so `go tool pprof`
// never looks for a binary to symbolise against. zlib's deflate with
// windowBits 16+15 writes the gzip wrapper.
//
// The text forms follow runtime/pprof's printCountProfile and
// writeHeapInternal, including their text/tabwriter alignment (minwidth 1,
// tabwidth 8, padding 1, tab padding), implemented here in the few lines
// those forms need.
//
// Rejected: linking a protobuf library for seven message types.
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <unordered_map>

#include "vm/interp_impl.h"
#include "vm/profile.h"
#include "vm/runtime.h"

namespace gol::vm::profile {

namespace {

// ------------------------------------------------------------ symbols

// Each Proto's first pseudo-address, in Program order (profile.h); built
// once, since the program never changes while it runs.
const std::unordered_map<const Proto*, uint64_t>& text_layout() {
  static std::mutex mu;
  static std::unordered_map<const Proto*, uint64_t>* layout = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (layout == nullptr) {
    layout = new std::unordered_map<const Proto*, uint64_t>();
    uint64_t at = kTextBase;
    if (const Program* program = interp::running_program()) {
      for (const Proto* p : program->protos) {
        (*layout)[p] = at;
        at += (p->code.size() + 1) * sizeof(Instr);  // +1: no function starts where another ends
      }
    }
  }
  return *layout;
}

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// ------------------------------------------------------------ protobuf

class Pb {
 public:
  void varint(uint64_t v) {
    while (v >= 0x80) {
      m_buf += static_cast<char>(v | 0x80);
      v >>= 7;
    }
    m_buf += static_cast<char>(v);
  }
  void tag(int field, int wire) { varint(static_cast<uint64_t>(field) << 3 | static_cast<uint64_t>(wire)); }
  void uint(int field, uint64_t v) {
    tag(field, 0);
    varint(v);
  }
  void int64(int field, int64_t v) { uint(field, static_cast<uint64_t>(v)); }
  void int64_opt(int field, int64_t v) {
    if (v != 0) int64(field, v);
  }
  void bytes(int field, const std::string& b) {
    tag(field, 2);
    varint(b.size());
    m_buf += b;
  }
  void packed(int field, const std::vector<uint64_t>& vs) {
    Pb inner;
    for (uint64_t v : vs) inner.varint(v);
    bytes(field, inner.m_buf);
  }
  const std::string& str() const { return m_buf; }

 private:
  std::string m_buf;
};

class ProtoBuilder {
 public:
  int64_t string_index(const std::string& s) {
    auto [it, added] = m_strings.emplace(s, static_cast<int64_t>(m_string_list.size()));
    if (added) m_string_list.push_back(s);
    return it->second;
  }

  uint64_t location(const Loc& loc) {
    auto [it, added] = m_locations.emplace(loc, m_locations.size() + 1);
    if (added) {
      const Symbol sym = symbolize(loc);
      Pb l;
      l.uint(1, it->second);   // id
      l.uint(2, 1);            // mapping_id
      l.uint(3, sym.address);  // address
      Pb line;
      line.uint(1, function(sym));  // function_id
      line.int64(2, sym.line);
      l.bytes(4, line.str());
      m_pb_locations.push_back(l.str());
    }
    return it->second;
  }

  std::string finish(const Profile& p) {
    Pb out;
    auto value_type = [this](const ValueType& vt) {
      Pb v;
      v.int64(1, string_index(vt.type));
      v.int64(2, string_index(vt.unit));
      return v.str();
    };
    for (const ValueType& vt : p.sample_types) out.bytes(1, value_type(vt));
    for (const Sample& s : p.samples) {
      Pb sample;
      std::vector<uint64_t> ids;
      for (const Loc& loc : s.stack) ids.push_back(location(loc));
      sample.packed(1, ids);
      std::vector<uint64_t> values;
      for (int64_t v : s.values) values.push_back(static_cast<uint64_t>(v));
      sample.packed(2, values);
      if (s.bytes_label >= 0) {
        Pb label;
        label.int64(1, string_index("bytes"));
        label.int64(3, s.bytes_label);
        sample.bytes(3, label.str());
      }
      out.bytes(2, sample.str());
    }
    Pb mapping;
    mapping.uint(1, 1);
    mapping.uint(2, kTextBase);
    mapping.uint(3, m_text_end);
    const std::vector<std::string>& args = process_args();
    mapping.int64(5, string_index(args.empty() ? "gol" : args[0]));
    mapping.uint(7, 1);  // has_functions
    mapping.uint(8, 1);  // has_filenames
    mapping.uint(9, 1);  // has_line_numbers
    out.bytes(3, mapping.str());
    for (const std::string& l : m_pb_locations) out.bytes(4, l);
    for (const std::string& f : m_pb_functions) out.bytes(5, f);
    const int64_t default_type = p.default_sample_type.empty() ? 0 : string_index(p.default_sample_type);
    const std::string period_type = value_type(p.period_type);
    for (const std::string& s : m_string_list) out.bytes(6, s);
    out.int64_opt(9, p.time_ns);
    out.int64_opt(10, p.duration_ns);
    out.bytes(11, period_type);
    out.int64_opt(12, p.period);
    out.int64_opt(14, default_type);
    return out.str();
  }

 private:
  uint64_t function(const Symbol& sym) {
    auto [it, added] = m_functions.emplace(sym.function + '\0' + sym.file, m_functions.size() + 1);
    if (added) {
      Pb f;
      f.uint(1, it->second);
      f.int64(2, string_index(sym.function));
      f.int64(3, string_index(sym.function));
      f.int64(4, string_index(sym.file));
      m_pb_functions.push_back(f.str());
    }
    m_text_end = std::max(m_text_end, sym.address + sizeof(Instr));
    return it->second;
  }

  std::map<std::string, int64_t> m_strings{{"", 0}};
  std::vector<std::string> m_string_list{""};
  std::map<Loc, uint64_t> m_locations;
  std::map<std::string, uint64_t> m_functions;
  std::vector<std::string> m_pb_locations, m_pb_functions;
  uint64_t m_text_end = kTextBase + sizeof(Instr);
};

std::string gzip(const std::string& in) {
  z_stream zs{};
  // windowBits 16+15: a gzip header and trailer around the deflate stream.
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    fatal("pprof: deflateInit2 failed");
  }
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) fatal("pprof: deflate failed");
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// ------------------------------------------------------------ text forms

// Go's text/tabwriter with (minwidth 1, tabwidth 8, padding 1, '\t', 0):
// cells are tab-terminated; a column block is a run of consecutive lines
// having that column; padding is tabs up to a multiple of 8.
class TabWriter {
 public:
  explicit TabWriter(std::string& out) : m_out(out) {}
  void write(const std::string& text) {
    for (char c : text) {
      if (c == '\n') {
        m_lines.back().push_back(m_cell);
        m_cell.clear();
        m_lines.emplace_back();
      } else if (c == '\t') {
        m_lines.back().push_back(m_cell);
        m_cell.clear();
      } else {
        m_cell += c;
      }
    }
  }
  void flush() {
    m_lines.back().push_back(m_cell);
    format(0, m_lines.size());
    m_lines.assign(1, {});
    m_cell.clear();
  }

 private:
  using Line = std::vector<std::string>;
  static constexpr size_t kTabWidth = 8;

  void format(size_t line0, size_t line1) {
    const size_t column = m_widths.size();
    for (size_t i = line0; i < line1; ++i) {
      if (column + 1 >= m_lines[i].size()) continue;
      write_lines(line0, i);
      line0 = i;
      size_t width = 1;  // minwidth
      for (; i < line1 && column + 1 < m_lines[i].size(); ++i) width = std::max(width, m_lines[i][column].size() + 1);
      m_widths.push_back(width);
      format(line0, i);
      m_widths.pop_back();
      line0 = i;  // the line that ended the block lacks the column: the loop skips it
    }
    write_lines(line0, line1);
  }

  void write_lines(size_t line0, size_t line1) {
    for (size_t i = line0; i < line1; ++i) {
      const Line& line = m_lines[i];
      for (size_t j = 0; j < line.size(); ++j) {
        m_out += line[j];
        if (j < m_widths.size() && j + 1 < line.size()) {
          const size_t cellw = (m_widths[j] + kTabWidth - 1) / kTabWidth * kTabWidth;
          m_out.append((cellw - line[j].size() + kTabWidth - 1) / kTabWidth, '\t');
        }
      }
      if (i + 1 < m_lines.size()) m_out += '\n';
    }
  }

  std::string& m_out;
  std::vector<Line> m_lines{Line{}};
  std::string m_cell;
  std::vector<size_t> m_widths;
};

bool is_runtime(const std::string& name) { return name.rfind("runtime.", 0) == 0; }

// Go's printStackRecord: runtime frames are left out unless nothing else
// would be shown; then a blank line.
void print_stack_record(TabWriter& w, const Stack& stack, bool all_frames) {
  bool show = all_frames;
  for (const Loc& loc : stack) {
    const Symbol s = symbolize(loc);
    if (show || !is_runtime(s.function)) {
      show = true;
      w.write("#\t" + hex(s.address) + "\t" + s.function + "+" + hex(s.address - s.entry) + "\t" + s.file + ":" +
              std::to_string(s.line) + "\n");
    }
  }
  if (!show) {
    print_stack_record(w, stack, true);
    return;
  }
  w.write("\n");
}

std::string stack_key(const Stack& stack) {
  std::string key = "@";
  for (const Loc& loc : stack) key += " " + hex(symbolize(loc).address);
  return key;
}

}  // namespace

Symbol symbolize(const Loc& loc) {
  Symbol s;
  if (loc.proto == nullptr) {
    // Pseudo-functions sit below the text segment, each at its own address.
    static const char* const kOrder[] = {"runtime._ExternalCode", "runtime._System", "runtime/pprof.lostProfileEvent"};
    s.function = loc.name != nullptr ? loc.name : "runtime._System";
    uint64_t k = 0;
    for (uint64_t i = 0; i < 3; ++i) {
      if (s.function == kOrder[i]) k = i;
    }
    s.entry = kTextBase - 0x100 * (k + 1);
    s.address = s.entry + 1;
    return s;
  }
  const Proto* p = loc.proto;
  const auto& layout = text_layout();
  auto it = layout.find(p);
  s.entry = it != layout.end() ? it->second : kTextBase;
  s.function = p->name;
  s.hidden = p->is_wrapper;
  const Program* program = interp::running_program();
  s.file = program != nullptr && p->file < program->files.size() ? program->files[p->file] : "?";
  s.line = p->line;
  if (loc.pc == kNoPc) {
    s.address = s.entry;
  } else {
    // A saved pc is a return address, as Go's are: the address after the
    // instruction whose line it reports.
    s.address = s.entry + uint64_t{loc.pc} * sizeof(Instr);
    if (loc.pc > 0 && loc.pc - 1 < p->lines.size()) s.line = p->lines[loc.pc - 1];
  }
  return s;
}

std::string encode_gzip(const Profile& p) {
  ProtoBuilder b;
  return gzip(b.finish(p));
}

std::string count_profile_text(const char* name, const std::vector<Stack>& stacks) {
  std::map<std::string, int64_t> count;
  std::map<std::string, const Stack*> index;
  for (const Stack& s : stacks) {
    const std::string key = stack_key(s);
    if (count[key]++ == 0) index[key] = &s;
  }
  std::vector<std::string> keys;
  for (const auto& [key, n] : count) keys.push_back(key);
  // Go's keysByCount: most frequent first, then by key.
  std::stable_sort(keys.begin(), keys.end(), [&count](const std::string& a, const std::string& b) {
    return count[a] != count[b] ? count[a] > count[b] : a < b;
  });
  std::string out;
  TabWriter w(out);
  w.write(std::string(name) + " profile: total " + std::to_string(stacks.size()) + "\n");
  for (const std::string& k : keys) {
    w.write(std::to_string(count[k]) + " " + k + "\n");
    print_stack_record(w, *index[k], false);
  }
  w.flush();
  return out;
}

std::string heap_profile_text(const std::vector<HeapRecord>& records) {
  std::vector<const HeapRecord*> sorted;
  int64_t inuse_objects = 0, inuse_bytes = 0, alloc_objects = 0, alloc_bytes = 0;
  for (const HeapRecord& r : records) {
    sorted.push_back(&r);
    inuse_objects += r.inuse_objects;
    inuse_bytes += r.inuse_objects * r.size;
    alloc_objects += r.alloc_objects;
    alloc_bytes += r.alloc_objects * r.size;
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const HeapRecord* a, const HeapRecord* b) {
    return a->inuse_objects * a->size > b->inuse_objects * b->size;
  });
  auto counts = [](int64_t io, int64_t ib, int64_t ao, int64_t ab) {
    return std::to_string(io) + ": " + std::to_string(ib) + " [" + std::to_string(ao) + ": " + std::to_string(ab) + "] @";
  };
  std::string out;
  TabWriter w(out);
  w.write("heap profile: " + counts(inuse_objects, inuse_bytes, alloc_objects, alloc_bytes) + " heap/" +
          std::to_string(2 * kMemProfileRate) + "\n");
  for (const HeapRecord* r : sorted) {
    std::string line = counts(r->inuse_objects, r->inuse_objects * r->size, r->alloc_objects, r->alloc_objects * r->size);
    for (const Loc& loc : r->stack) line += " " + hex(symbolize(loc).address);
    w.write(line + "\n");
    print_stack_record(w, r->stack, false);
  }
  // The runtime.MemStats fields gol fills (runtime.ReadMemStats), in Go's order.
  const MemStats m = read_mem_stats();
  w.write("\n# runtime.MemStats\n");
  const std::pair<const char*, uint64_t> fields[] = {
      {"Alloc", m.alloc},         {"TotalAlloc", m.total_alloc}, {"Sys", m.sys},
      {"Mallocs", m.mallocs},     {"Frees", m.frees},            {"HeapAlloc", m.heap_alloc},
      {"HeapSys", m.heap_sys},    {"HeapIdle", m.heap_idle},     {"HeapReleased", m.heap_released},
      {"HeapObjects", m.heap_objects}, {"NumGC", m.num_gc}};
  for (const auto& [field, value] : fields) w.write(std::string("# ") + field + " = " + std::to_string(value) + "\n");
  w.flush();
  return out;
}

}  // namespace gol::vm::profile
