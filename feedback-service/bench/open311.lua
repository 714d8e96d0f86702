-- wrk script: Open311 intake (POST /open311/v2/requests.json, form-encoded, api_key from the environment).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
bench.id_pattern = '"service_request_id":"(%w+)"'
local key = os.getenv("OPEN311_KEY")

function request()
  bench.counter = bench.counter + 1
  local body = "api_key=" .. bench.enc(key) .. "&jurisdiction_id=phu-lien&service_code=DAT_DAI"
    .. "&lat=20.86&long=106.67&description="
    .. bench.enc(bench.text(14))
    .. "&attribute%5Bhinh_thuc_tra_loi%5D=APP"
  return wrk.format("POST", "/open311/v2/requests.json",
    {["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"}, body)
end
