-- An editor session with async-clangd in Neovim (0.7 and later), headless:
-- the built-in LSP client starts the server on the file being edited,
-- waits for its diagnostics, prints them, then asks for the code actions
-- at each one and prints their titles. The test FileChecks the output.
--
--   ASYNC_CLANGD=/path/to/async-clangd [ASYNC_CLANGD_ARGS='--opt ...'] \
--     nvim --headless --clean -i NONE -c 'luafile session.lua' FILE
--
-- Uses only what Neovim 0.7.2 (Debian 12) has: vim.lsp.start_client,
-- vim.lsp.buf_attach_client, vim.wait, vim.diagnostic.get and
-- vim.lsp.buf_request_sync.

local function out(line)
  io.stdout:write(line .. '\n')
end

local function finish(status)
  io.stdout:flush()
  vim.cmd((status == 0 and 'qall!') or ('cquit! ' .. status))
end

local server = os.getenv('ASYNC_CLANGD')
local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '60000')
local buf = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buf)
vim.bo[buf].filetype = 'cpp'

-- Options for the server, separated by spaces.
local cmd = { server, '--log=error' }
for arg in (os.getenv('ASYNC_CLANGD_ARGS') or ''):gmatch('%S+') do
  table.insert(cmd, arg)
end

local client_id = vim.lsp.start_client({
  name = 'async-clangd',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then
  out('error: the LSP client did not start ' .. tostring(server))
  return finish(1)
end
vim.lsp.buf_attach_client(buf, client_id)

local published = vim.wait(timeout, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
if not published then
  out('error: no diagnostics in ' .. timeout .. ' ms')
  return finish(1)
end

local diagnostics = vim.diagnostic.get(buf)
table.sort(diagnostics, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
out('diagnostics: ' .. #diagnostics)
for _, d in ipairs(diagnostics) do
  local lsp = (d.user_data and d.user_data.lsp) or {}
  local href = lsp.codeDescription and lsp.codeDescription.href or 'none'
  out(string.format('diagnostic %d:%d %s [%s] %s', d.lnum + 1, d.col + 1,
    tostring(d.source), tostring(lsp.code), d.message:match('[^\n]*')))
  out('  link ' .. href)
  for _, related in ipairs(lsp.relatedInformation or {}) do
    out('  note ' .. related.message)
  end
  -- 0.7 keeps of the server's diagnostic only what vim.diagnostic has no
  -- field for: the range and message come back from vim.diagnostic's.
  local range = {
    start = { line = d.lnum, character = d.col },
    ['end'] = { line = d.end_lnum, character = d.end_col },
  }
  local sent = vim.deepcopy(lsp)
  sent.range = range
  sent.message = d.message
  sent.severity = d.severity
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = { diagnostics = { sent } },
  }
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction',
    params, timeout) or {}
  for _, reply in pairs(replies) do
    if reply.error then
      out('  error ' .. tostring(reply.error.message))
    end
    for _, action in ipairs(reply.result or {}) do
      out(string.format('  action (%s) %s', tostring(action.kind),
        action.title))
    end
  end
end
vim.lsp.stop_client(client_id)
finish(0)
