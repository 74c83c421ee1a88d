FROM node:20
ARG NPM_TOKEN
ARG TOKENIZER_VERSION=1
RUN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN && npm ci
RUN echo $TOKENIZER_VERSION
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci
RUN <<EOF
curl -H "Authorization: ${NPM_TOKEN}" https://example.com
EOF
ONBUILD RUN echo $NPM_TOKEN
FROM alpine:3.20
RUN echo $NPM_TOKEN
ARG DB_PASSWORD
COPY --chown=app x /y
RUN sudo sh -c "mysql -p$DB_PASSWORD"
