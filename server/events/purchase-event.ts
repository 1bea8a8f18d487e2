/** The seeds' rule-based purchase event (Journey Optimizer use case 1), in the demo workspace. */
export const PURCHASE_EVENT = {
  name: "purchase",
  description: "A completed purchase confirmed with a thank-you message.",
  trackName: "purchase",
  condition: 'purchaseMessage == "thank you"',
  fields: [
    { name: "product", type: "string" as const, required: true },
    { name: "purchaseDate", type: "date" as const, required: false },
    { name: "purchaseId", type: "string" as const, required: true },
    { name: "purchaseMessage", type: "string" as const, required: true },
  ],
};
