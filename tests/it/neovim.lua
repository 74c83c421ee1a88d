-- Run by tests/it/neovim.rs in `nvim --headless --clean`: opens $DLINT_DOCKERFILE with dlint's language server
-- started as $DLINT_TEST_MODE says, waits for its diagnostics and writes them to $DLINT_TEST_OUTPUT as JSON.
local function run()
  if vim.env.DLINT_TEST_MODE == 'enable' then
    if not vim.lsp.enable then
      return { skipped = 'this Neovim has no vim.lsp.enable (0.11+)' }
    end
    vim.lsp.config('dlint', { cmd = { vim.env.DLINT_BIN, 'lsp' } })
    vim.lsp.enable('dlint')
  else
    require('dlint').setup({ path = vim.env.DLINT_BIN, config = vim.env.DLINT_CONFIG })
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.DLINT_DOCKERFILE))
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(10000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(found, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      code = d.code,
      severity = d.severity,
      message = d.message,
    })
  end
  return { filetype = vim.bo[buf].filetype, diagnostics = found }
end

local ok, result = pcall(run)
if not ok then
  result = { error = tostring(result) }
end
vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.DLINT_TEST_OUTPUT)
vim.cmd('qa!')
