// Demo page: listens to the element's change event (the analysis is in event.detail).
const element = document.getElementById('long-example');
const log = document.getElementById('long-example-log');
if (element !== null && log !== null) {
  element.addEventListener('change', (event) => {
    const analysis = event.detail;
    log.textContent =
      analysis !== null && typeof analysis === 'object' && analysis.valid === true
        ? `change event: liquidation price ${analysis.liquidationPrice === null ? 'none' : Number(analysis.liquidationPrice).toFixed(2)} at ${Number(analysis.leverage).toFixed(2)}×`
        : 'change event: the inputs are not valid';
  });
}
