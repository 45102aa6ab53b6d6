-- loop.lua — loop.go in Lua 5.4 (integers: 5.4 has a 64-bit integer subtype).
local s = 0
for i = 0, 100000000 - 1 do
  s = s + i * i % 7
end
print(s)
