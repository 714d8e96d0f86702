-- Shared part of the wrk intake scripts (citizen.lua, open311.lua): a fixed offered rate, random Vietnamese texts,
-- every accepted id written down for the final check, percentiles printed for run.sh.
-- Rate: RATE requests/s in total over THREADS wrk threads. Each thread hands out send times on a fixed schedule
-- (one every THREADS/RATE s) to whichever of its connections is free, so the offered rate does not fall when the
-- answers slow down (as long as enough connections are open); a request sent late is counted as LATE.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local rate = tonumber(os.getenv("RATE") or "1000")
local nthreads = tonumber(os.getenv("THREADS") or "2")
local interval = nthreads * 1000 / rate
local threads = {}
local next_at = nil

bench = { counter = 0 }

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  out = io.open((os.getenv("ACCEPTED_DIR") or "/tmp") .. "/accepted-" .. os.getenv("RUN_NAME") .. "-" .. id .. ".txt", "w")
  math.randomseed(os.time() * 1000 + id * 7919)
  created, other, late = 0, 0, 0
end

function delay()
  local now = now_ms()
  if next_at == nil then
    next_at = now + (id - 1) * interval / nthreads
  end
  next_at = next_at + interval
  local wait = next_at - now
  if wait < 0 then
    late = late + 1
    return 0
  end
  return wait
end

-- citizens write different things: each text is a random draw of words, so duplicates are as rare as in life. No
-- marker common to every text (it used to start "bench-wrk-<thread>-<n>"): it made every pair of texts share word
-- pairs, which real citizens' texts do not, and sent the duplicate search hundreds of false candidates per case.
local words = {"rác", "thải", "đường", "ngõ", "cống", "nước", "ngập", "đèn", "hỏng", "tối", "cây", "đổ", "tiếng",
  "ồn", "karaoke", "lấn", "chiếm", "vỉa", "hè", "xây", "dựng", "trái", "phép", "hồ", "sơ", "chậm", "cán", "bộ",
  "thái", "độ", "chợ", "trường", "học", "trạm", "y", "tế", "mương", "bẩn", "mùi", "hôi", "chó", "thả", "rông",
  "xe", "tải", "bụi", "loa", "phát", "thanh", "điện", "mất", "sân", "chơi", "nhà", "văn", "hóa", "thôn", "tổ"}
function bench.text(n)
  local t = {}
  for i = 1, n do t[i] = words[math.random(#words)] end
  return table.concat(t, " ")
end

function bench.enc(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- the door's script sets bench.id_pattern (how its 201 answer names the tracking code) and defines request()
function response(status, headers, body)
  if status == 201 then
    created = created + 1
    out:write((string.match(body, bench.id_pattern) or "?"), "\n")
    out:flush()
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o, l = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
    l = l + t:get("late")
  end
  io.write(string.format("ACCEPTED %d\nREFUSED %d\nLATE %d\n", c, o, l))
  io.write(string.format("ACHIEVED_PER_S %.1f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("P%s_MS %.2f\n", p, latency:percentile(p) / 1000))
  end
end
