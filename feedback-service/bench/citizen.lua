-- wrk script: citizen intake (POST /api/v1/feedback), paced per connection so that the offered load is about
-- CONNECTIONS * 1000 / PACE_MS requests per second. Counts answers by status for the final check.
local pace = tonumber(os.getenv("PACE_MS") or "0")
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- every accepted id is written down, so the run can prove each one is stored afterwards
  out = io.open((os.getenv("ACCEPTED_DIR") or "/tmp") .. "/accepted-" .. os.getenv("RUN_NAME") .. "-" .. id .. ".txt", "w")
  math.randomseed(os.time() * 1000 + id * 7919)
  created, other = 0, 0
end

function delay()
  return pace
end

-- citizens write different things: each text is a random draw of words, so duplicates are as rare as in life
local words = {"rác", "thải", "đường", "ngõ", "cống", "nước", "ngập", "đèn", "hỏng", "tối", "cây", "đổ", "tiếng",
  "ồn", "karaoke", "lấn", "chiếm", "vỉa", "hè", "xây", "dựng", "trái", "phép", "hồ", "sơ", "chậm", "cán", "bộ",
  "thái", "độ", "chợ", "trường", "học", "trạm", "y", "tế", "mương", "bẩn", "mùi", "hôi", "chó", "thả", "rông",
  "xe", "tải", "bụi", "loa", "phát", "thanh", "điện", "mất", "sân", "chơi", "nhà", "văn", "hóa", "thôn", "tổ"}
local function text(n)
  local t = {}
  for i = 1, n do t[i] = words[math.random(#words)] end
  return table.concat(t, " ")
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"ward":"phu-lien","category":"MOI_TRUONG","content":"bench-wrk-%d-%d %s","phone":"09%08d"}',
    id, counter, text(14), math.random(0, 99999999))
  return wrk.format("POST", "/api/v1/feedback", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    out:write((string.match(body, '"trackingCode":"(%w+)"') or "?"), "\n")
    out:flush()
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("ACCEPTED %d\nREFUSED %d\n", c, o))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("P%s_MS %.2f\n", p, latency:percentile(p) / 1000))
  end
end
