# syntax=docker/dockerfile:1
# Parcours production images (docs/deploy.md), from one Dockerfile:
#   docker build -t parcours .                      the web server (Next.js standalone), default target
#   docker build --target tools -t parcours-tools . the admin CLI and the workflow worker:
#     docker run --rm parcours-tools npm run parcours -- migrate
#     docker run parcours-tools npm run worker
# Both run as the unprivileged `node` user and carry no development dependency.
ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency, to build.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# The Next.js standalone server (next.config.ts: PARCOURS_STANDALONE=1).
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 PARCOURS_STANDALONE=1
COPY . .
RUN npm run build

# Production dependencies only, for the CLI and the worker (tsx is one: they run the TypeScript sources).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error && npm cache clean --force

# Admin CLI (`parcours migrate`, `create-admin`, ...) and `npm run worker`.
FROM ${NODE_IMAGE} AS tools
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PARCOURS_DATA_DIR=/app/data
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json package-lock.json tsconfig.json ./
COPY --chown=node:node cli ./cli
COPY --chown=node:node db ./db
COPY --chown=node:node lib ./lib
COPY --chown=node:node plugins ./plugins
COPY --chown=node:node server ./server
RUN mkdir -p /app/data && chown node:node /app/data
USER node
CMD ["npm", "run", "worker"]

# The web server: what `next build` traced, its static files, and the migrations /api/ready compares.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 PARCOURS_DATA_DIR=/app/data
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-semi-space-size=32", "server.js"]
