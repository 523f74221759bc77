export { SipCodesPanel } from './SipCodesPanel';
