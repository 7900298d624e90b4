-- GET the review queue (oldest first, 50 a page) as a reviewer, over its first 20 pages.
local n = 0
function init(args)
  wrk.headers["Authorization"] = "Basic cmV2aWV3ZXI6cmV2aWV3ZXI=" -- reviewer:reviewer
end
function request()
  n = n + 1
  return wrk.format("GET", "/clinsum/api/summaries?state=GENERATED&size=50&page=" .. (n % 20), nil, nil)
end
