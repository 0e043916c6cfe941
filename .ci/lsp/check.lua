-- Drives `peeringlint lsp` from Neovim's built-in LSP client (headless; written for Neovim 0.7, Debian 12's, and
-- later). For the broken tutorial and the broken CloudFormation template: opens the file, waits for diagnostics,
-- checks rule ids and positions, asks for the quick fix of PL1002, applies it to the buffer as the editor would and
-- waits for that diagnostic to go while the others (PL2003) stay. Exits 0 on success, 1 with a message on standard error otherwise.
-- Environment: PEERINGLINT (the server command), WORKDIR (the workspace folder holding both files).
local server = os.getenv('PEERINGLINT')
local root = os.getenv('WORKDIR')

local function say(message)
  io.stdout:write('check-lsp: ' .. message .. '\n')
end

local function fail(message)
  io.stderr:write('check-lsp: FAILED: ' .. message .. '\n')
  os.exit(1)
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function find(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == code then
      return d
    end
  end
  return nil
end

local logs = {}
local client_id = vim.lsp.start_client({
  name = 'peeringlint',
  cmd = { server, 'lsp' },
  root_dir = root,
  handlers = {
    ['window/logMessage'] = function(_, result) table.insert(logs, result.message) end,
  },
})
if not client_id then
  fail('the client did not start ' .. server)
end

-- file, PL1002's 0-based line and column, PL2001's 0-based line (the same places `peeringlint lint` reports 1-based).
local cases = {
  { 'nextwork-peering-broken.yaml', 15, 27, 29 },
  { 'nextwork-broken.yaml', 57, 28, 109 },
}

for _, case in ipairs(cases) do
  local name, line, col, pl2001_line = case[1], case[2], case[3], case[4]
  vim.cmd('edit ' .. root .. '/' .. name)
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Diagnostics arrive on their own after didOpen.
  if not vim.wait(45000, function() return find(bufnr, 'PL1002') ~= nil and find(bufnr, 'PL2001') ~= nil end, 100) then
    fail(name .. ': no PL1002 and PL2001 diagnostics within 45 s; server log: ' .. table.concat(logs, ' | '))
  end

  local pl1002 = find(bufnr, 'PL1002')
  if pl1002.lnum ~= line or pl1002.col ~= col then
    fail(string.format('%s: PL1002 at %d:%d, expected %d:%d', name, pl1002.lnum, pl1002.col, line, col))
  end
  if pl1002.severity ~= vim.diagnostic.severity.ERROR then
    fail(name .. ': PL1002 is not an error')
  end
  local pl2001 = find(bufnr, 'PL2001')
  if pl2001.lnum ~= pl2001_line then
    fail(string.format('%s: PL2001 on line %d, expected %d', name, pl2001.lnum, pl2001_line))
  end
  say(string.format('%s: %d diagnostics; PL1002 at %d:%d, PL2001 on line %d', name, #vim.diagnostic.get(bufnr), line + 1, col + 1, pl2001_line + 1))

  -- The quick fix for PL1002: ask for the code actions on its line, apply the one for PL1002.
  vim.api.nvim_win_set_cursor(0, { pl1002.lnum + 1, pl1002.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, pl1002.lnum) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 20000) or {}
  local chosen = nil
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      if action.edit and string.find(action.title, 'PL1002', 1, true) then
        chosen = action
      end
    end
  end
  if not chosen then
    fail(name .. ': no code action for PL1002')
  end
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  say(name .. ': applied "' .. chosen.title .. '": ' .. vim.trim(vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]))

  -- The pending peering (PL2003) is still there: the buffer was linted again, not emptied.
  if not vim.wait(45000, function() return find(bufnr, 'PL1002') == nil and find(bufnr, 'PL2003') ~= nil end, 100) then
    fail(name .. ': PL1002 still shown after the quick fix')
  end
  say(name .. ': PL1002 gone after the quick fix; ' .. #vim.diagnostic.get(bufnr) .. ' diagnostics remain')
end

local client = vim.lsp.get_client_by_id(client_id)
client.stop()
vim.wait(10000, function() return client.is_stopped() end, 100)
os.exit(0)
