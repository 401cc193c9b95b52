# syntax=docker/dockerfile:1
# Build stage: native modules (better-sqlite3) compile here, and the index is built from seeds/.
FROM node:20-bookworm AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY seeds ./seeds
RUN npm run build-index && npm prune --omit=dev

# Runtime stage: no compilers, a non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production SEEDS_DIR=/app/seeds INDEX_DIR=/app/index-data DATA_DIR=/app/data TZ=Asia/Shanghai
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/src ./src
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/index-data ./index-data
RUN mkdir -p /app/data && chown -R node:node /app/data /app/seeds
USER node
VOLUME ["/app/data"]
# Healthy while the bot's heartbeat file is fresh (written every 30 s).
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "const s=require('fs').statSync('/app/data/heartbeat');process.exit(Date.now()-s.mtimeMs<120000?0:1)"
CMD ["node", "--import", "tsx", "src/cli/start.ts"]
