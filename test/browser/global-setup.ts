// Placeholder until the page exists: the browser project has no tests yet.
export default function setup(): void {}
