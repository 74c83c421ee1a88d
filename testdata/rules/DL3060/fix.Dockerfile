# The fix appends `yarn cache clean` when the RUN ends with the install.
FROM node:20
RUN yarn install --frozen-lockfile
RUN yarn global add typescript@5.4.5
RUN yarn install && yarn build
