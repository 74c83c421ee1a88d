FROM debian:12 as builder
FROM debian:12 AS fine
from debian:12 AS lower
from debian:12 as alsofine
From debian:12 as mixed
FROM --platform=$BUILDPLATFORM debian:12 As flagged
FROM debian:12 \
  as continued
