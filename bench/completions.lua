-- wrk script for the completion writes of bench/course.sh.
--
-- args: COOKIES_FILE PATHS_FILE once|loop THREADS. COOKIES_FILE has one Cookie header value per learner ("lms=...; ...",
-- or a bare session cookie value), PATHS_FILE
-- one activity path per line. Every (learner, activity) pair is requested exactly once across all
-- threads: pair p = learner p % L, activity floor(p / L), so requests that are in flight at the same
-- time belong to different learners (as long as there are fewer connections than learners). A thread
-- stops when it has sent its share; with "loop" it starts over instead (repeated views, for a timed run). Like status-check.lua it counts every response that is not 200
-- and prints one "bench:" line; any non-200 fails the run.

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local function lines(path)
  local t = {}
  for line in io.lines(path) do
    if #line > 0 then table.insert(t, line) end
  end
  return t
end

function init(args)
  cookies = lines(args[1])
  paths = lines(args[2])
  loop = args[3] == "loop"
  nthreads = tonumber(args[4])   -- wrk's -t: known to every thread from its start
  total = #cookies * #paths
  sent = 0
  next_pair = id - 1          -- this thread's pairs: id-1, id-1+T, id-1+2T, ...
  non200 = 0
  first_non200 = 0
  answered = 0
  exhausted = 0
end

function request()
  local p = next_pair
  if p >= total and loop then
    p = p % total
  elseif p >= total then
    -- Nothing left for this thread: stop it (wrk waits for the others).
    exhausted = 1
    wrk.thread:stop()
    p = p % total             -- a request must still be returned; it is a repeated view
  end
  next_pair = next_pair + nthreads
  sent = sent + 1
  local learner = p % #cookies
  local activity = math.floor(p / #cookies) % #paths
  local cookie = cookies[learner + 1]
  if not cookie:find("=", 1, true) then cookie = "lms=" .. cookie end  -- a bare session cookie value
  return wrk.format("GET", paths[activity + 1], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then
    non200 = non200 + 1
    if first_non200 == 0 then first_non200 = status end
  end
end

function done(summary, latency, requests)
  local bad, first, sent_total = 0, 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non200")
    sent_total = sent_total + t:get("sent")
    local f = t:get("first_non200")
    if first == 0 and f ~= 0 then first = f end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "bench: requests=%d sent=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non200=%d first_non200=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d\n",
    summary.requests, sent_total, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, first, e.connect, e.read, e.write, e.timeout))
  if bad > 0 then
    io.write(string.format("bench: FAILED: %d responses were not 200 (first: %d)\n", bad, first))
    os.exit(1)
  end
end
