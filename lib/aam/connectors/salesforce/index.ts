export { SalesforceConfig } from "./config";
export { createSalesforceConnector } from "./connector";
