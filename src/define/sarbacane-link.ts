import { SarbacaneLink } from '../components/sarbacane-link/sarbacane-link.js';
import { defineElement } from '../internal/define.js';

defineElement('sarbacane-link', SarbacaneLink);

declare global {
  interface HTMLElementTagNameMap {
    'sarbacane-link': SarbacaneLink;
  }
}
