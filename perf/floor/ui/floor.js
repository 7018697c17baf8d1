document.querySelector('[data-testid=floor-open]').addEventListener('click', async () => {
  const out = document.querySelector('[data-testid=floor-result]');
  out.textContent = await window.__TAURI_INTERNALS__.invoke('open_database');
});
