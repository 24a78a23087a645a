// The scales recharts can pick for this project's axes. See `scalesInUse` in vite.config.ts for why this exists.
export { scaleBand, scaleLinear, scalePoint } from 'victory-vendor/d3-scale';
