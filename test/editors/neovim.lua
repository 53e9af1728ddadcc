-- Drives a real Neovim (0.7+, headless) as a writer would use baogao in it: opens a report with the
-- language server attached, reads the diagnostics Neovim shows, asks hover, definition and completion,
-- types a character (Neovim sends the change as a UTF-16 range), undoes it, formats, renames a figure, and
-- stops the server. Everything seen goes to one JSON file that test/editors/neovim.test.ts compares with
-- the `baogao` command and the language core. Inputs come from the environment (see the test).
local server = os.getenv('BAOGAO_SERVER')
local report = os.getenv('BAOGAO_REPORT')
local out_path = os.getenv('BAOGAO_OUT')
local plan = vim.fn.json_decode(os.getenv('BAOGAO_PLAN'))
local out = { steps = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, out_path)
  vim.cmd('qall!')
end

local function fail(message)
  out.error = message
  finish()
end

vim.cmd('edit ' .. vim.fn.fnameescape(report))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].undolevels = 100

-- Counts the diagnostics Neovim receives, then hands them to its own handler (what a user sees).
local published = 0
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published = published + 1
  default_publish(err, result, ctx, config)
end

local client_id = vim.lsp.start_client({
  name = 'baogao',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(report, ':h'),
  flags = { debounce_text_changes = 50 },
})
if not client_id then return fail('start_client failed') end
vim.lsp.buf_attach_client(buf, client_id)

--- Waits for a new publication (after `seen` earlier ones), then for 400 ms without another.
local function settle(seen)
  if not vim.wait(30000, function() return published > seen end, 20) then return false end
  local last = published
  while true do
    vim.wait(400, function() return published > last end, 20)
    if published == last then return true end
    last = published
  end
end

local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, { code = code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message })
  end
  return list
end

local function lines() return vim.api.nvim_buf_get_lines(buf, 0, -1, false) end

local function request(method, position)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position }
  if method == 'textDocument/references' then params.context = { includeDeclaration = true } end
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not answers then return { error = tostring(err) } end
  local answer = answers[client_id]
  return answer and (answer.result or { error = answer.err }) or { error = 'no answer' }
end

--- A UTF-16 position (as the test computed it) to the byte column Neovim's API takes.
local function byte_col(line, character)
  return vim.str_byteindex(vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1], character, true)
end

if not settle(0) then return fail('no diagnostics published after opening') end
out.steps.opened = { diagnostics = diagnostics(), lines = lines() }

if plan.hover then out.steps.hover = request('textDocument/hover', plan.hover) end
if plan.definition then
  out.steps.definition = request('textDocument/definition', plan.definition)
  out.steps.references = request('textDocument/references', plan.definition)
end
if plan.completion then out.steps.completion = request('textDocument/completion', plan.completion) end
out.steps.symbols = request('textDocument/documentSymbol', nil)

-- Typing: one character inserted where the plan says, sent by Neovim as an incremental change.
local seen = published
local col = byte_col(plan.type.line, plan.type.character)
vim.api.nvim_buf_set_text(buf, plan.type.line, col, plan.type.line, col, { plan.type.text })
if not settle(seen) then return fail('no diagnostics after typing') end
out.steps.typed = { diagnostics = diagnostics(), lines = lines() }

seen = published
vim.cmd('silent undo')
if not settle(seen) then return fail('no diagnostics after undo') end
out.steps.undone = { diagnostics = diagnostics(), lines = lines() }

-- A quick fix: typed again, the light bulb's action that names the fix applied with Neovim's own code.
if plan.fix then
  local original = lines()
  seen = published
  vim.api.nvim_buf_set_text(buf, plan.type.line, col, plan.type.line, col, { plan.type.text })
  if not settle(seen) then return fail('no diagnostics after typing again') end
  local range = { start = { line = plan.type.line, character = plan.type.character }, ['end'] = { line = plan.type.line, character = plan.type.character + 1 } }
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range, context = { diagnostics = {} } }, 10000)
  local actions = answers and answers[client_id] and answers[client_id].result or {}
  local titles = {}
  for _, action in ipairs(actions) do table.insert(titles, action.title) end
  for _, action in ipairs(actions) do
    if action.edit and string.find(action.title, plan.fix, 1, true) then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      break
    end
  end
  out.steps.fixed = { titles = titles, lines = lines() }
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, original)
end

-- Formatting: the server's edits applied by Neovim's own code (0.7: formatting_sync; 0.8+: format).
if vim.lsp.buf.format then vim.lsp.buf.format({ bufnr = buf, timeout_ms = 10000 })
else vim.lsp.buf.formatting_sync(nil, 10000) end
out.steps.formatted = { lines = lines() }
vim.cmd('silent undo')

-- Rename: the cursor on a figure's name, the workspace edit applied by Neovim.
if plan.rename then
  vim.api.nvim_win_set_cursor(0, { plan.rename.line + 1, byte_col(plan.rename.line, plan.rename.character) })
  local before = table.concat(lines(), '\n')
  vim.lsp.buf.rename(plan.rename.newName)
  vim.wait(10000, function() return table.concat(lines(), '\n') ~= before end, 20)
  out.steps.renamed = { lines = lines() }
end

-- Stopping: the server must leave when Neovim asks (shutdown, then exit).
local client = vim.lsp.get_client_by_id(client_id)
vim.lsp.stop_client(client_id)
out.steps.stopped = vim.wait(10000, function() return client.is_stopped() end, 20)
finish()
