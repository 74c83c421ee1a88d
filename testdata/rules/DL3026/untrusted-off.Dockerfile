FROM ghcr.io/acme/app:1
