-- wrk script for bench/server.py: POST /tickets with a new Idempotency-Key per request,
-- spread over the services named in $SERVICES, authorised by $TOKEN. Counts non-201 answers
-- (a replay or a refusal would not be a ticket issued).
local services = {}
for id in string.gmatch(os.getenv("SERVICES") or "kk", "[^,]+") do services[#services + 1] = id end
local token = os.getenv("TOKEN") or ""
-- Globals, not locals: done() reads each thread's count with thread:get, which sees globals only.
counter, failed = 0, 0
-- $RUN makes this run's keys its own: a key met again is a replay (200), not a new ticket.
local run = os.getenv("RUN") or "0"
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  threads[#threads + 1] = thread
end

-- $PACE_MS > 0 makes each connection wait a random time of that mean between requests
-- (exponential, as independent kiosks tap: a fixed delay would fire all connections in
-- lock-step bursts); 0 sends as fast as answers come (saturation, for throughput).
local pace = tonumber(os.getenv("PACE_MS") or "0")
function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end
function delay()
  if pace <= 0 then return 0 end
  return math.floor(-math.log(1 - math.random()) * pace)
end

function request()
  counter = counter + 1
  local body = '{"service_id":"' .. services[(counter % #services) + 1] .. '"}'
  return wrk.format("POST", "/api/v1/tickets", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "wrk-" .. run .. "-" .. tid .. "-" .. counter,
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (tonumber(t:get("failed")) or 0) end
  io.write(string.format("WRK %d %.3f %.3f %.3f %d\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad))
end
