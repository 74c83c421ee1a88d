ARG VERSION=1.0
FROM debian:12 AS Base
ARG VERSION
LABEL version=$VERSION url=foo hash=zz date=2020 lic=MIT2 mail=x name=""
LABEL other=1
FROM base
LABEL version="1.0.0" url=https://example.org \
      # a commit and a date
      hash=0123456789abcdef0123456789abcdef01234567 date=2020-01-01T00:00:00Z
LABEL lic="MIT OR Apache-2.0" mail="Team <team@example.com>" version=$UNSET
ONBUILD LABEL lic=Proprietary
