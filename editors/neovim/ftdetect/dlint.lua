-- Sourced by Neovim's filetype detection when this folder is on the runtimepath.
require('dlint').filetypes()
