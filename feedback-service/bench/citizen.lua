-- wrk script: citizen intake (POST /api/v1/feedback, JSON, with an Idempotency-Key as the city's app sends).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
bench.id_pattern = '"trackingCode":"(%w+)"'

function request()
  bench.counter = bench.counter + 1
  local body = string.format(
    '{"ward":"phu-lien","category":"MOI_TRUONG","content":"%s","phone":"09%08d"}',
    bench.text(14), math.random(0, 99999999))
  return wrk.format("POST", "/api/v1/feedback", {["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("%s-%d-%d", os.getenv("RUN_NAME"), id, bench.counter)}, body)
end
