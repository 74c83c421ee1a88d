-- Neovim 0.11+: with this folder on the runtimepath, `vim.lsp.enable('dlint')` starts dlint's language server
-- for Dockerfiles; change any field with `vim.lsp.config('dlint', { ... })`.
return {
  cmd = { 'dlint', 'lsp' },
  filetypes = { 'dockerfile' },
  root_markers = { 'dlint.toml', '.dlint.toml', '.git' },
}
