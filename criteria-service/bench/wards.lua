-- wrk script: each request reads one of the 100 wards' plans at random (path template in PATH_TEMPLATE, with {plan}
-- and optionally {day}).
local template = os.getenv("PATH_TEMPLATE")
local token = os.getenv("TOKEN")
math.randomseed(os.time())

request = function()
  local ward = string.format("ward-%03d-2026", math.random(1, 100))
  local path = string.gsub(template, "{plan}", ward)
  -- {day}: a random day, so that most requests miss the per-version cache and measure the query path
  path = string.gsub(path, "{day}", string.format("%02d", math.random(1, 28)))
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

-- DELAY_MS: pause of each connection between its requests, so that -c 50 with 100 ms offers at most 500 req/s
local pause = tonumber(os.getenv("DELAY_MS") or "0")
if pause > 0 then
  delay = function()
    return pause
  end
end
