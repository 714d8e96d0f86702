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
  created, other = 0, 0
end

function delay()
  return pace
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"ward":"phu-lien","category":"MOI_TRUONG","content":"bench-wrk-%d-%d Rác thải chưa được thu gom ở tổ %d, phường Phù Liễn","phone":"09%08d"}',
    id, counter, counter % 50, math.random(0, 99999999))
  return wrk.format("POST", "/api/v1/feedback", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
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
