-- POST /api/notes/import with a small CSV of new notes per request (unique text, so nothing is
-- skipped as a duplicate). wrk prints the non-2xx answers and socket errors itself.
local counter = 0
local made = 0
function setup(thread)
  thread:set("id", made)
  made = made + 1
end
function init(args)
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Basic Y2xpbmljaWFuOmNsaW5pY2lhbg==" -- clinician:clinician
  wrk.headers["Content-Type"] = "text/csv"
end
function request()
  counter = counter + 1
  local rows = { "patient_id,note_type,note" }
  for i = 1, 10 do
    rows[#rows + 1] = string.format(
      "LOAD-%d-%d,progress,\"Load test %d/%d/%d: chest pain settled, observations stable, plan review.\"",
      id, counter % 1000, id, counter, i)
  end
  return wrk.format(nil, "/clinsum/api/notes/import?mode=valid", nil, table.concat(rows, "\n") .. "\n")
end
