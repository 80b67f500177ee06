// lightning/platformShowToastEvent and lightning/refresh for the browser gate.
// Toasts are recorded and shown in the page's toast area so screenshots include them.
import { recordToast } from './registry.js';

export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}

export class RefreshEvent extends CustomEvent {
  constructor() {
    super('lightning__refreshevent', { bubbles: true, composed: true, cancelable: true });
  }
}

document.addEventListener('lightning__showtoast', (event) => {
  const detail = event.detail || {};
  recordToast(detail);
  const area = document.getElementById('toasts');
  if (area) {
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${detail.variant || 'info'}`;
    toast.setAttribute('role', 'status');
    toast.textContent = [detail.title, detail.message].filter(Boolean).join(' — ');
    area.appendChild(toast);
  }
});
