-- wrk script: each request reads one of the 100 wards' plans at random (path template in PATH_TEMPLATE).
local template = os.getenv("PATH_TEMPLATE")
local token = os.getenv("TOKEN")
math.randomseed(os.time())

request = function()
  local ward = string.format("ward-%03d-2026", math.random(1, 100))
  local path = string.gsub(template, "{plan}", ward)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
