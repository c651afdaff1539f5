-- The request mixes of `make bench`, as a wrk script. bench/run.py sets the environment:
--
--   BENCH_MODE      "static" (one request, sent over and over), "seed" (the same until
--                   BENCH_LIMIT answers were 2xx, then stop and create the file
--                   BENCH_STOP_FILE), "pages" (the request's path with
--                   ?limit=BENCH_PAGE_SIZE&offset=..., the offset going through BENCH_PAGES
--                   pages in turn) or "share_import"
--   BENCH_METHOD, BENCH_PATH, BENCH_BODY, BENCH_HEADERS ("name: value" lines)   static and seed
--   BENCH_POOL      share_import mode: a file of lines "path <share path template>",
--                   "import <import path>", "key_header <API key header>", "source <api key>",
--                   "session <session id>" and "partner <application id> <api key> <workflow id>"
--   BENCH_OFFSET    share_import mode: the first (session, partner) pair to share
--
-- share_import alternates a share of a finished session (one pair of the pool: each source session
-- goes to every partner, and the emulator lets a partner import a session once) and the partner's
-- import of the token it returned. Whatever the mode, done() prints one line
-- "BENCH_RESULT {json}" with the counts and latency percentiles that bench/run.py reads.

local mode = os.getenv("BENCH_MODE") or "static"

local function header_table(text)
   local headers = {}
   for line in (text or ""):gmatch("[^\n]+") do
      local name, value = line:match("^([^:]+):%s*(.*)$")
      if name then headers[name] = value end
   end
   return headers
end

if mode == "static" or mode == "seed" or mode == "pages" then
   wrk.method = os.getenv("BENCH_METHOD") or "GET"
   wrk.path = os.getenv("BENCH_PATH") or "/"
   wrk.headers = header_table(os.getenv("BENCH_HEADERS"))
   local body = os.getenv("BENCH_BODY")
   if body and body ~= "" then wrk.body = body end
end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

if mode == "seed" then
   local limit, created = tonumber(os.getenv("BENCH_LIMIT")), 0

   function response(status, headers, body)
      if status < 300 then created = created + 1 end
      if created == limit then
         -- wrk itself runs its full duration: the file tells bench/run.py to interrupt it.
         wrk.thread:stop()
         io.open(os.getenv("BENCH_STOP_FILE"), "w"):close()
      end
   end
end

if mode == "pages" then
   local size, pages, page = tonumber(os.getenv("BENCH_PAGE_SIZE")), tonumber(os.getenv("BENCH_PAGES")), 0

   function request()
      local path = wrk.path .. "?limit=" .. size .. "&offset=" .. (page * size)
      page = (page + 1) % pages
      return wrk.format(nil, path)
   end
end

if mode == "share_import" then
   local share_template, import_path, key_header, source_key
   local sessions, partners, by_application = {}, {}, {}
   local next_pair, shares, imports = 0, 0, 0
   local tokens = {}  -- share tokens not yet imported: {token, partner}

   function init(args)
      for line in io.lines(os.getenv("BENCH_POOL")) do
         local kind, rest = line:match("^(%S+) (.*)$")
         if kind == "path" then share_template = rest
         elseif kind == "import" then import_path = rest
         elseif kind == "key_header" then key_header = rest
         elseif kind == "source" then source_key = rest
         elseif kind == "session" then table.insert(sessions, rest)
         elseif kind == "partner" then
            local id, key, workflow = rest:match("^(%S+) (%S+) (%S+)$")
            table.insert(partners, {id = id, key = key, workflow = workflow})
            by_application[id] = partners[#partners]
         end
      end
      next_pair = tonumber(os.getenv("BENCH_OFFSET") or "0")
   end

   function request()
      local pending = table.remove(tokens, 1)
      if pending then
         imports = imports + 1
         local body = string.format(
            '{"share_token": "%s", "trust_review": true, "workflow_id": "%s"}',
            pending.token, pending.partner.workflow)
         return wrk.format("POST", import_path,
            {[key_header] = pending.partner.key, ["Content-Type"] = "application/json"}, body)
      end
      local pair = next_pair % (#sessions * #partners)
      next_pair = next_pair + 1
      shares = shares + 1
      local partner = partners[pair % #partners + 1]
      local session = sessions[math.floor(pair / #partners) + 1]
      local path = share_template:gsub("{sessionId}", session)
      return wrk.format("POST", path,
         {[key_header] = source_key, ["Content-Type"] = "application/json"},
         string.format('{"for_application_id": "%s"}', partner.id))
   end

   function response(status, headers, body)
      local token = body:match('"share_token"%s*:%s*"([^"]+)"')
      if token then
         local application = body:match('"for_application_id"%s*:%s*"([^"]+)"')
         -- A stateless mock's example may name an application the pool does not have.
         table.insert(tokens, {token = token, partner = by_application[application] or partners[1]})
      end
      wrk.thread:set("next_pair", next_pair)
      wrk.thread:set("shares", shares)
      wrk.thread:set("imports", imports)
   end
end

function done(summary, latency, requests)
   local next_pair, shares, imports = 0, 0, 0
   for _, thread in ipairs(threads) do
      next_pair = math.max(next_pair, tonumber(thread:get("next_pair")) or 0)
      shares = shares + (tonumber(thread:get("shares")) or 0)
      imports = imports + (tonumber(thread:get("imports")) or 0)
   end
   local errors = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
      '"max_us": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, ' ..
      '"status_errors": %d, "timeouts": %d, "next_pair": %d, "shares": %d, "imports": %d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      latency.max, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
      next_pair, shares, imports))
end
