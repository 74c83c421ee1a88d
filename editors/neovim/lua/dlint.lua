-- dlint's language server for Dockerfiles, from Neovim 0.7 on: `require('dlint').setup({ ... })`.
-- Neovim 0.11 and later can use lsp/dlint.lua with `vim.lsp.enable('dlint')` instead.
local M = {}

-- The names dlint lints, as `dlint check` finds them in a directory.
M.extensions = { 'dockerfile', 'Dockerfile', 'containerfile' }
M.prefixes = { 'Dockerfile', 'Containerfile' }

local uv = vim.uv or vim.loop

-- Whether a file name (no directory) is a Dockerfile by its name alone.
local function is_dockerfile_name(name)
  for _, prefix in ipairs(M.prefixes) do
    if name == prefix or vim.startswith(name, prefix .. '.') then
      return true
    end
  end
  for _, extension in ipairs(M.extensions) do
    if vim.endswith(name, '.' .. extension) then
      return true
    end
  end
  return false
end

--- Gives every Dockerfile and Containerfile name the `dockerfile` filetype, including the ones Neovim's own
--- detection leaves out (`*.containerfile` and `*.dockerfile` in older versions).
function M.filetypes()
  if vim.fn.has('nvim-0.8') == 1 then
    local extension, pattern = {}, {}
    for _, name in ipairs(M.extensions) do
      extension[name] = 'dockerfile'
    end
    for _, prefix in ipairs(M.prefixes) do
      pattern[prefix .. '%..*'] = 'dockerfile'
    end
    vim.filetype.add({
      filename = { Dockerfile = 'dockerfile', Containerfile = 'dockerfile' },
      extension = extension,
      pattern = pattern,
    })
    return
  end
  -- Neovim 0.7 detects with filetype.vim unless `g:do_filetype_lua` is set, so an autocommand covers both.
  vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, {
    group = vim.api.nvim_create_augroup('dlint_filetypes', { clear = true }),
    pattern = '*',
    callback = function(event)
      if vim.bo[event.buf].filetype ~= 'dockerfile' and is_dockerfile_name(vim.fn.fnamemodify(event.match, ':t')) then
        vim.bo[event.buf].filetype = 'dockerfile'
      end
    end,
  })
end

-- The nearest directory above `path` holding one of `markers`, or the file's own directory.
local function find_root(path, markers)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local current = dir
  while true do
    for _, marker in ipairs(markers) do
      if uv.fs_stat(current .. '/' .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ':h')
    if parent == current then
      return dir
    end
    current = parent
  end
end

--- The command that starts the server: `path lsp`, plus `--config FILE` when `config` is given.
function M.command(opts)
  local cmd = { opts.path or 'dlint', 'lsp' }
  if opts.config then
    vim.list_extend(cmd, { '--config', vim.fn.fnamemodify(vim.fn.expand(opts.config), ':p') })
  end
  return cmd
end

-- Neovim 0.7 has no vim.lsp.start: one client per root directory, started once and attached to each buffer.
local clients_by_root = {}

local function attach_0_7(bufnr, config)
  local id = clients_by_root[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

local function attach(bufnr, opts)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or vim.bo[bufnr].buftype ~= '' then
    return
  end
  local config = {
    name = 'dlint',
    cmd = M.command(opts),
    root_dir = find_root(name, opts.root_markers or { 'dlint.toml', '.dlint.toml', '.git' }),
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
  else
    attach_0_7(bufnr, config)
  end
end

--- Starts `dlint lsp` for every Dockerfile buffer, the open ones included.
--- opts: `path` (the dlint binary, default "dlint"), `config` (a config file passed with `--config`, instead
--- of each file's nearest dlint.toml), `root_markers`, `on_attach`, `capabilities`.
function M.setup(opts)
  opts = opts or {}
  M.filetypes()
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('dlint_lsp', { clear = true }),
    pattern = 'dockerfile',
    callback = function(event)
      attach(event.buf, opts)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == 'dockerfile' then
      attach(bufnr, opts)
    end
  end
end

return M
