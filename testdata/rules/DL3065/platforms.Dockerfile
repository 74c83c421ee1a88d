FROM --platform=$TARGETPLATFORM alpine:3.20
FROM --platform=${TARGETPLATFORM} alpine:3.20 AS named
FROM --platform=$BUILDPLATFORM alpine:3.20
FROM --platform="$TARGETPLATFORM"   alpine:3.20
