FROM debian:12-slim
MAINTAINER Jane Doe <jane@example.com>
maintainer "Jo" O'Neil costs $5 \o/
