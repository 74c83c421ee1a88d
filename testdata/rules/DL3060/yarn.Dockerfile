FROM node:20 AS build
RUN yarn install
FROM node:20
RUN yarn install --frozen-lockfile
RUN yarn && yarn build
RUN yarn install && yarn cache clean
RUN yarn cache clean && yarn install
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
RUN yarn add react && yarn run build
ONBUILD RUN yarn install
RUN sudo yarn install \
    # comment
    --production && sh -c 'yarn cache clean'
