-- wrk script for bench/dashboard.sh.
--
-- wrk itself counts only statuses >= 400 ("Non-2xx or 3xx responses"), so a 302 to the sign-in page
-- (the session cookie was refused) would be measured as a fast, "successful" dashboard. This script
-- counts every response whose status is not 200, remembers the first such status, and prints one
-- machine-readable "bench:" line with requests/s, percentiles and error counts. When any response was
-- not 200 it exits non-zero after printing, so the run fails.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  first_non200 = 0
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if first_non200 == 0 then first_non200 = status end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non200")
    local f = t:get("first_non200")
    if first == 0 and f ~= 0 then first = f end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "bench: requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non200=%d first_non200=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, first, e.connect, e.read, e.write, e.timeout))
  if bad > 0 then
    io.write(string.format("bench: FAILED: %d responses were not 200 (first: %d)\n", bad, first))
    os.exit(1)
  end
end
