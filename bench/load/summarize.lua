-- POST /api/notes/{id}/summary?wait=true over notes CLINSUM_FIRST_NOTE..CLINSUM_LAST_NOTE that
-- have no summary yet, each of the CLINSUM_THREADS wrk threads walking its own stride; once the
-- range is used up, a note answers from its stored summary.
local first = tonumber(os.getenv("CLINSUM_FIRST_NOTE"))
local last = tonumber(os.getenv("CLINSUM_LAST_NOTE"))
local stride = tonumber(os.getenv("CLINSUM_THREADS"))
local count = 0
local next_id
function setup(thread)
  thread:set("offset", count)
  count = count + 1
end
function init(args)
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Basic Y2xpbmljaWFuOmNsaW5pY2lhbg==" -- clinician:clinician
  next_id = first + offset
end
function request()
  local id = next_id
  next_id = next_id + stride
  if next_id > last then next_id = first + offset end
  return wrk.format(nil, "/clinsum/api/notes/" .. id .. "/summary?wait=true", nil, "")
end
