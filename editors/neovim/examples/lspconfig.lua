-- nvim-lspconfig: declare dlint as a custom server once, then set it up like any other.
local configs = require('lspconfig.configs')
if not configs.dlint then
  configs.dlint = {
    default_config = {
      cmd = { 'dlint', 'lsp' },
      filetypes = { 'dockerfile' },
      root_dir = require('lspconfig.util').root_pattern('dlint.toml', '.dlint.toml', '.git'),
      single_file_support = true,
    },
    docs = { description = 'dlint, a Dockerfile linter: `dlint lsp` over stdio' },
  }
end
require('lspconfig').dlint.setup({
  -- cmd = { '/path/to/dlint', 'lsp', '--config', '/path/to/dlint.toml' },
})
