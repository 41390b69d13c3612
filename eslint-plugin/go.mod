// This file only keeps the go command out of eslint-plugin/: a directory with
// its own go.mod is not part of the root module's ./..., and npm packages in
// node_modules here may ship Go files (flatted, which ESLint uses, does).
module github.com/closecodes/closecodes/eslint-plugin

go 1.23
