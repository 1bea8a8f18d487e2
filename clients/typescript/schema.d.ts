/**
 * The Parcours public API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run api:client` (a test fails while this file is not current).
 */

export interface paths {
    "/api/v1/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Identify a user and set traits
         * @description The `email` and `phone` traits are identities; `email_opt_in`, `sms_opt_in`, `push_opt_in` record consent. Idempotent on `messageId`. At most 32 KB.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestIdentify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an event
         * @description Idempotent on `messageId`. At most 32 KB.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestTrack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a page view
         * @description Idempotent on `messageId`. At most 32 KB.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestPage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a screen view
         * @description Idempotent on `messageId`. At most 32 KB.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestScreen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Associate a user with a group
         * @description Idempotent on `messageId`. At most 32 KB.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alias": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge the profile known as `previousId` into `userId`'s
         * @description Idempotent on `messageId`. At most 32 KB.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Up to 2,500 calls at once
         * @description Stored whole or not at all. At most 500 KB. The stock Segment clients post here.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Up to 2,500 calls at once (the path Segment clients use)
         * @description Stored whole or not at all. At most 500 KB. The stock Segment clients post here.
         *
         *     Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.
         */
        post: operations["ingestSegmentBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's workspace: a quick check that a key works */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List campaigns
         * @description Most recently changed first. Filter by `status`, `type` (`api` for the campaigns `POST /campaigns/{id}/trigger` sends) and `kind`.
         */
        get: operations["getCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a campaign */
        get: operations["getCampaignsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an API-triggered campaign to one recipient
         * @description Unknown recipients are created. Every `context` field the content uses is required (400 naming `context.<field>`), unless the content gives it a `default`. Send an `Idempotency-Key` header to make retries safe: the same key and body get the same answer and one message. A marketing message deferred by quiet hours or a frequency cap answers `status: "deferred"` with `deferredUntil`.
         */
        post: operations["postCampaignsByIdTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/trigger/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an API-triggered campaign to up to 1,000 recipients
         * @description Each recipient is triggered as by `POST /campaigns/{id}/trigger`, with the shared `context` under its own. The whole body is validated first (400 naming `recipients.<i>.<field>`, nothing sent); then each recipient gets its own result, in order: `{ index, messageId, status }` or `{ index, error }` (a missing context field, an `idempotencyKey` reused for another request). An unknown or inactive campaign refuses the whole call (404, 409).
         */
        post: operations["postCampaignsByIdTriggerBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List messages
         * @description Newest first. Filter by `profile`, `campaign`, `journey`, `status`, `kind` and creation time (`since`, `until`).
         */
        get: operations["getMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a message: rendered content, recipient and history */
        get: operations["getMessagesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description Events as ingested, newest first by `timestamp`. Filter by `profile`, `name`, `type` and time (`since`, `until`).
         */
        get: operations["getEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List profiles
         * @description Most recently updated first. `search` finds a text in any identity or attribute (a phone number in any form finds its E.164 identity).
         */
        get: operations["getProfiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a profile: everything held on it (GDPR export)
         * @description Attributes, identities, every event and the consent changes, as one JSON document.
         */
        get: operations["getProfilesById"];
        put?: never;
        post?: never;
        /**
         * Delete a profile (GDPR erasure)
         * @description The profile, its identities and its events are deleted; the audit log keeps no personal data.
         */
        delete: operations["deleteProfilesById"];
        options?: never;
        head?: never;
        /**
         * Update a profile's attributes
         * @description Each attribute given replaces its value, `null` removes it, the others stay. Identities (email, phone, external id) change through `identify`.
         */
        patch: operations["patchProfilesById"];
        trace?: never;
    };
    "/api/v1/profiles/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge another profile into this one
         * @description `from`'s events, messages, identities and list memberships move to `{id}`; attributes merge (`{id}`'s values win); `from` is deleted.
         */
        post: operations["postProfilesByIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A profile's consents per channel and topic
         * @description `channels`: each channel's general marketing consent; `topics`: each subscription topic's. `source` is one of api, import, preference_page, provider_stop, admin, unsubscribe_link, double_opt_in.
         */
        get: operations["getProfilesByIdSubscriptions"];
        /**
         * Record consents (source `api`)
         * @description Only what is named changes. Subscribing lifts an unsubscribe of the channel; bounces, complaints and manual suppressions stay. An opt-in to a double opt-in topic is `pending` (listed in `pending`) until the confirmation email's link is followed.
         */
        put: operations["putProfilesByIdSubscriptions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audiences and static lists
         * @description Most recently changed first; `kind=list` for static lists only.
         */
        get: operations["getAudiences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an audience with its size counted now */
        get: operations["getAudiencesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences/{id}/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count an audience's members now
         * @description A list's members, or the profiles matching a rules audience now (the count is kept as the audience's last count).
         */
        get: operations["getAudiencesByIdCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An audience's members, a page at a time
         * @description A list's members newest first; a rules audience's matching profiles, most recently updated first.
         */
        get: operations["getAudiencesByIdMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lists/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add profiles to a static list
         * @description Every reference must resolve or nothing changes (404 naming `profiles.<i>`). Adding a member twice is a no-op.
         */
        post: operations["postListsByIdMembers"];
        /**
         * Remove profiles from a static list
         * @description Every reference must resolve or nothing changes (404 naming `profiles.<i>`). Removing a non-member is a no-op.
         */
        delete: operations["deleteListsByIdMembers"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List templates
         * @description Most recently changed first, without their content; filter by `kind`.
         */
        get: operations["getTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a template with its content */
        get: operations["getTemplatesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render a template for a profile and a context
         * @description Liquid is rendered as a send would (`{{ profile.firstName }}`, `{{ context.orderId }}`, `{{ event.product }}`), without tracking links; nothing is sent or stored.
         */
        post: operations["postTemplatesByIdPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List journeys
         * @description Most recently changed first; filter by `status`.
         */
        get: operations["getJourneys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a journey with its graph and versions */
        get: operations["getJourneysById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A journey's live numbers, in total and per node
         * @description Test runs and test messages are left out.
         */
        get: operations["getJourneysByIdStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List suppressed addresses
         * @description Newest first. Nothing is sent to a suppressed address on its channel, transactional messages included. `search` finds part of an address (a phone number in any form finds its E.164 entry).
         */
        get: operations["getSuppressions"];
        put?: never;
        /**
         * Suppress an address
         * @description A manual suppression: the address gets nothing more on that channel until it is removed. Adding one twice is a no-op.
         */
        post: operations["postSuppressions"];
        /**
         * Lift a suppression
         * @description Removes the entry as listed or as the address normalizes. Removing an unsubscribe resubscribes whoever has that address.
         */
        delete: operations["deleteSuppressions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document (no key needed) */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, TOO_MANY_REQUESTS */
                code: string;
                message: string;
                /** @description The field at fault, e.g. `recipients.3.recipient.email` */
                path?: string;
                /** @description Every validation issue, when there are several */
                issues?: unknown[];
            };
        };
        Ingested: {
            /** @constant */
            success: true;
            /** @description Calls stored */
            accepted: number;
            /** @description Calls whose messageId was seen before: skipped */
            duplicates: number;
        };
        Batch: {
            /** @description identify, track, page, screen, group and alias calls, each with its `type` */
            batch: {
                [key: string]: unknown;
            }[];
            context?: {
                [key: string]: unknown;
            };
        };
        Identify: {
            userId?: (string | number) | null;
            anonymousId?: (string | number) | null;
            messageId?: string;
            timestamp?: string;
            context?: {
                [key: string]: unknown;
            };
            integrations?: {
                [key: string]: unknown;
            };
            /** @constant */
            type?: "identify";
            traits?: {
                [key: string]: unknown;
            };
        };
        Track: {
            userId?: (string | number) | null;
            anonymousId?: (string | number) | null;
            messageId?: string;
            timestamp?: string;
            context?: {
                [key: string]: unknown;
            };
            integrations?: {
                [key: string]: unknown;
            };
            /** @constant */
            type?: "track";
            event: string;
            properties?: {
                [key: string]: unknown;
            };
        };
        Page: {
            userId?: (string | number) | null;
            anonymousId?: (string | number) | null;
            messageId?: string;
            timestamp?: string;
            context?: {
                [key: string]: unknown;
            };
            integrations?: {
                [key: string]: unknown;
            };
            /** @constant */
            type?: "page";
            name?: string | null;
            category?: string | null;
            properties?: {
                [key: string]: unknown;
            };
        };
        Screen: {
            userId?: (string | number) | null;
            anonymousId?: (string | number) | null;
            messageId?: string;
            timestamp?: string;
            context?: {
                [key: string]: unknown;
            };
            integrations?: {
                [key: string]: unknown;
            };
            /** @constant */
            type?: "screen";
            name?: string | null;
            properties?: {
                [key: string]: unknown;
            };
        };
        Group: {
            userId?: (string | number) | null;
            anonymousId?: (string | number) | null;
            messageId?: string;
            timestamp?: string;
            context?: {
                [key: string]: unknown;
            };
            integrations?: {
                [key: string]: unknown;
            };
            /** @constant */
            type?: "group";
            groupId: string | number;
            traits?: {
                [key: string]: unknown;
            };
        };
        Alias: {
            userId: string | number;
            anonymousId?: (string | number) | null;
            messageId?: string;
            timestamp?: string;
            context?: {
                [key: string]: unknown;
            };
            integrations?: {
                [key: string]: unknown;
            };
            /** @constant */
            type?: "alias";
            previousId: string | number;
        };
        WorkspaceOfKey: {
            workspace: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            };
            key: {
                /** @enum {string} */
                kind: "write" | "secret";
                /** @description The key's first characters, as listed in Settings -> API keys */
                prefix: string;
            };
        };
        CampaignPage: {
            data: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                type: "scheduled" | "api";
                /** @enum {string} */
                status: "draft" | "in_review" | "approved" | "rejected" | "active" | "paused" | "completed" | "stopped";
                /** @description The channel kind: email, push, sms, … */
                kind: string;
                /** Format: date-time */
                updatedAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Campaign: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            type: "scheduled" | "api";
            /** @enum {string} */
            status: "draft" | "in_review" | "approved" | "rejected" | "active" | "paused" | "completed" | "stopped";
            /** @description The channel kind: email, push, sms, … */
            kind: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description API campaigns: transactional messages skip marketing consent, caps and quiet hours */
            apiMode: ("marketing" | "transactional") | null;
            audienceId: string | null;
            audienceName: string | null;
            configurationId: string | null;
            configurationName: string | null;
            templateId: string | null;
            /** @description The message content, with Liquid merge tags as written */
            content: {
                [key: string]: unknown;
            };
            /** @description API campaigns: the `context` fields a trigger must give */
            contextFields: string[];
            schedule: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            createdAt: string;
            submittedAt: string | null;
            reviewedAt: string | null;
        };
        TriggerResponse: {
            /** Format: uuid */
            messageId: string;
            /** @description delivered, sent, queued (retried by the server), suppressed, failed, or deferred */
            status: string;
            /**
             * Format: date-time
             * @description When deferred by quiet hours or a frequency cap: the time it will go (within the minute after). Still deferred after the workspace's expiry, it expires.
             */
            deferredUntil?: string;
        };
        TriggerBody: {
            recipient: {
                externalId?: string;
                /** Format: email */
                email?: string;
                phone?: string;
                attributes?: {
                    [key: string]: unknown;
                };
            };
            /** @default {} */
            context?: {
                [key: string]: unknown;
            };
        };
        TriggerBatchResponse: {
            results: ({
                /** Format: uuid */
                messageId: string;
                /** @description delivered, sent, queued (retried by the server), suppressed, failed, or deferred */
                status: string;
                /**
                 * Format: date-time
                 * @description When deferred by quiet hours or a frequency cap: the time it will go (within the minute after). Still deferred after the workspace's expiry, it expires.
                 */
                deferredUntil?: string;
                index: number;
            } | {
                index: number;
                error: {
                    code: string;
                    message: string;
                    path?: string;
                };
            })[];
            /** @description Recipients with a message */
            accepted: number;
            /** @description Recipients refused, each with its error */
            failed: number;
        };
        TriggerBatchBody: {
            recipients: {
                recipient: {
                    externalId?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    attributes?: {
                        [key: string]: unknown;
                    };
                };
                /** @description Merged over the shared `context` */
                context?: {
                    [key: string]: unknown;
                };
                /** @description Makes this recipient's retry safe, as the Idempotency-Key header does for one trigger */
                idempotencyKey?: string;
            }[];
            /**
             * @description Context shared by every recipient
             * @default {}
             */
            context?: {
                [key: string]: unknown;
            };
        };
        MessagePage: {
            data: {
                /** Format: uuid */
                id: string;
                kind: string;
                /** @enum {string} */
                status: "queued" | "sending" | "deferred" | "sent" | "delivered" | "failed" | "suppressed" | "bounced" | "complained" | "expired";
                /** @description The address it went to: email, E.164 phone or push endpoint */
                recipient: string | null;
                profileId: string | null;
                source: {
                    /** @enum {string} */
                    type: "campaign" | "journey" | "transactional" | "test";
                    /** @description The campaign or journey id */
                    id: string | null;
                };
                /** @description Subject, push title or the start of the text */
                title: string | null;
                error: string | null;
                /** Format: date-time */
                createdAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Message: {
            /** Format: uuid */
            id: string;
            kind: string;
            /** @enum {string} */
            status: "queued" | "sending" | "deferred" | "sent" | "delivered" | "failed" | "suppressed" | "bounced" | "complained" | "expired";
            /** @description The address it went to: email, E.164 phone or push endpoint */
            recipient: string | null;
            profileId: string | null;
            source: {
                /** @enum {string} */
                type: "campaign" | "journey" | "transactional" | "test";
                /** @description The campaign or journey id */
                id: string | null;
            };
            error: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description An email's subject or a push's title */
            subject: string | null;
            preheader: string | null;
            /** @description The text part of an email, a push body or an SMS */
            text: string | null;
            html: string | null;
            /** @description The whole rendered content, as the channel sent it */
            content: {
                [key: string]: unknown;
            } | null;
            sentAt: string | null;
            /** @description `sent`, `delivered`, `opened`, `clicked`, … oldest first */
            history: {
                type: string;
                /** Format: date-time */
                at: string;
                data?: {
                    [key: string]: unknown;
                };
            }[];
        };
        EventPage: {
            data: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                profileId: string;
                /** @enum {string} */
                type: "track" | "page" | "screen" | "identify" | "group";
                /** @description The event name (track) or page/screen name */
                name: string | null;
                properties: {
                    [key: string]: unknown;
                };
                context: {
                    [key: string]: unknown;
                } | null;
                /** @description The ingestion call's messageId */
                messageId: string;
                /** Format: date-time */
                timestamp: string;
                /** Format: date-time */
                receivedAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ProfilePage: {
            data: {
                /** Format: uuid */
                id: string;
                attributes: {
                    [key: string]: unknown;
                };
                identities: {
                    /** @enum {string} */
                    namespace: "external_id" | "email" | "phone" | "anonymous_id";
                    value: string;
                }[];
                isTest: boolean;
                /** Format: date-time */
                updatedAt: string;
                lastSeenAt: string | null;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ProfileExport: {
            /** Format: date-time */
            exportedAt: string;
            profile: {
                /** Format: uuid */
                id: string;
                attributes: {
                    [key: string]: unknown;
                };
                timezone: string | null;
                isTest: boolean;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                lastSeenAt: string | null;
            };
            identities: {
                /** @enum {string} */
                namespace: "external_id" | "email" | "phone" | "anonymous_id";
                value: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            events: {
                /** @enum {string} */
                type: "track" | "page" | "screen" | "identify" | "group";
                /** @description The event name (track) or page/screen name */
                name: string | null;
                properties: {
                    [key: string]: unknown;
                };
                context: {
                    [key: string]: unknown;
                } | null;
                /** @description The ingestion call's messageId */
                messageId: string;
                /** Format: date-time */
                timestamp: string;
            }[];
            /** @description Consent changes, newest first */
            consents: {
                channel: string;
                topic: string | null;
                status: string;
                source: string;
                /** Format: date-time */
                at: string;
            }[];
        };
        ProfileAttributes: {
            /** Format: uuid */
            id: string;
            attributes: {
                [key: string]: unknown;
            };
        };
        ProfileUpdate: {
            attributes: {
                [key: string]: unknown;
            };
        };
        ProfileDeleted: {
            /** Format: uuid */
            deleted: string;
        };
        ProfileMerged: {
            /** Format: uuid */
            merged: string;
            /** Format: uuid */
            into: string;
        };
        ProfileMerge: {
            /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
            from: string;
        };
        Subscriptions: {
            channels: {
                /**
                 * @description `pending`: an opt-in waiting for its double opt-in confirmation
                 * @enum {string}
                 */
                status: "subscribed" | "unsubscribed" | "pending";
                /** @description false: nothing recorded, the default applies */
                recorded: boolean;
                source: ("api" | "import" | "preference_page" | "provider_stop" | "admin" | "unsubscribe_link" | "double_opt_in") | null;
                updatedAt: string | null;
                /** @enum {string} */
                channel: "email" | "sms" | "push";
            }[];
            topics: {
                /**
                 * @description `pending`: an opt-in waiting for its double opt-in confirmation
                 * @enum {string}
                 */
                status: "subscribed" | "unsubscribed" | "pending";
                /** @description false: nothing recorded, the default applies */
                recorded: boolean;
                source: ("api" | "import" | "preference_page" | "provider_stop" | "admin" | "unsubscribe_link" | "double_opt_in") | null;
                updatedAt: string | null;
                /** Format: uuid */
                id: string;
                name: string;
                channel: string;
                /** @enum {string} */
                defaultStatus: "opt_in" | "opt_out";
                doubleOptIn: boolean;
            }[];
        };
        SubscriptionsChanged: {
            channels: {
                /**
                 * @description `pending`: an opt-in waiting for its double opt-in confirmation
                 * @enum {string}
                 */
                status: "subscribed" | "unsubscribed" | "pending";
                /** @description false: nothing recorded, the default applies */
                recorded: boolean;
                source: ("api" | "import" | "preference_page" | "provider_stop" | "admin" | "unsubscribe_link" | "double_opt_in") | null;
                updatedAt: string | null;
                /** @enum {string} */
                channel: "email" | "sms" | "push";
            }[];
            topics: {
                /**
                 * @description `pending`: an opt-in waiting for its double opt-in confirmation
                 * @enum {string}
                 */
                status: "subscribed" | "unsubscribed" | "pending";
                /** @description false: nothing recorded, the default applies */
                recorded: boolean;
                source: ("api" | "import" | "preference_page" | "provider_stop" | "admin" | "unsubscribe_link" | "double_opt_in") | null;
                updatedAt: string | null;
                /** Format: uuid */
                id: string;
                name: string;
                channel: string;
                /** @enum {string} */
                defaultStatus: "opt_in" | "opt_out";
                doubleOptIn: boolean;
            }[];
            /** @description Topics waiting for a confirmation */
            pending: string[];
        };
        SubscriptionChanges: {
            channels?: {
                [key: string]: "subscribed" | "unsubscribed";
            };
            topics?: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                status: "subscribed" | "unsubscribed";
            }[];
        };
        AudiencePage: {
            data: {
                /** Format: uuid */
                id: string;
                name: string;
                description: string | null;
                /**
                 * @description `rules`: profiles matching conditions; `list`: a static list
                 * @enum {string}
                 */
                kind: "rules" | "list";
                /** @description Lists: members now; rules: as last counted */
                count: number | null;
                countedAt: string | null;
                /** Format: date-time */
                updatedAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Audience: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            /**
             * @description `rules`: profiles matching conditions; `list`: a static list
             * @enum {string}
             */
            kind: "rules" | "list";
            /** @description Members, counted now */
            count: number | null;
            countedAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            rules: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            createdAt: string;
        };
        AudienceCount: {
            count: number;
            /** Format: date-time */
            countedAt: string;
        };
        AudienceMemberPage: {
            data: {
                /** Format: uuid */
                id: string;
                email: string | null;
                externalId: string | null;
                attributes: {
                    [key: string]: unknown;
                };
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ListMembersAdded: {
            added: number;
            requested: number;
        };
        ListMembersBody: {
            /** @description Profile ids or `<namespace>:<value>` references, 1-1,000 */
            profiles: string[];
        };
        ListMembersRemoved: {
            removed: number;
            requested: number;
        };
        TemplatePage: {
            data: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "email" | "push" | "sms";
                name: string;
                /** @description Bumped by every edit */
                version: number;
                /** Format: date-time */
                updatedAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Template: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "email" | "push" | "sms";
            name: string;
            /** @description Bumped by every edit */
            version: number;
            /** Format: date-time */
            updatedAt: string;
            /** @description The content, with Liquid merge tags as written */
            content: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
        };
        TemplatePreview: {
            /** @description An email's subject or a push's title */
            subject: string | null;
            preheader: string | null;
            /** @description The text part of an email, a push body or an SMS */
            text: string | null;
            html: string | null;
            /** @enum {string} */
            kind: "email" | "push" | "sms";
            /** @description The whole rendered content */
            content: {
                [key: string]: unknown;
            };
        };
        TemplatePreviewBody: {
            /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
            profile?: string;
            context?: {
                [key: string]: unknown;
            };
            event?: {
                [key: string]: unknown;
            };
        };
        JourneyPage: {
            data: {
                /** Format: uuid */
                id: string;
                name: string;
                description: string | null;
                /** @enum {string} */
                status: "draft" | "live" | "stopped" | "closed";
                liveVersionNumber: number | null;
                /** @description How profiles enter: the entry node's type */
                entryType: string | null;
                steps: number;
                /** @description Profiles inside now */
                active: number;
                /** @description Profiles that ever entered */
                entered: number;
                /** Format: date-time */
                updatedAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Journey: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            /** @enum {string} */
            status: "draft" | "live" | "stopped" | "closed";
            /** Format: date-time */
            updatedAt: string;
            /** @description The draft's nodes and edges */
            graph: {
                [key: string]: unknown;
            };
            settings: {
                [key: string]: unknown;
            };
            /** @description Published versions, newest first, with the profiles inside each */
            versions: {
                /** Format: uuid */
                id: string;
                number: number;
                active: number;
                /** Format: date-time */
                createdAt: string;
            }[];
            liveVersionId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        JourneyStats: {
            totals: {
                entered: number;
                active: number;
                completed: number;
                exited: number;
                failed: number;
            };
            /** @description Per node id: profiles entered, waiting and exited; per message node, messages sent, opened, clicked, deferred and expired */
            nodes: {
                [key: string]: {
                    entered: number;
                    waiting: number;
                    exited: number;
                    sent?: number;
                    opened?: number;
                    clicked?: number;
                    deferred?: number;
                    expired?: number;
                    machineOpened?: number;
                };
            };
        };
        SuppressionPage: {
            data: {
                channel: string;
                /** @description Emails lowercased, phone numbers in E.164 */
                address: string;
                /** @enum {string} */
                reason: "unsubscribed" | "bounced" | "complained" | "manual";
                note: string | null;
                /** Format: date-time */
                createdAt: string;
            }[];
            nextCursor: string | null;
        };
        SuppressionAdded: {
            channel: string;
            address: string;
        };
        SuppressionBody: {
            channel: string;
            address: string;
            note?: string;
        };
        SuppressionRemoved: {
            removed: {
                channel: string;
                address: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ingestIdentify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Identify"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestTrack: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Track"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Page"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestScreen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Screen"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Group"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestAlias: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Alias"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Batch"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestSegmentBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Batch"];
            };
        };
        responses: {
            /** @description Stored (accepted = stored) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "accepted": 1,
                     *       "duplicates": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Ingested"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key's workspace: a quick check that a key works */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspace": {
                     *         "id": "0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69",
                     *         "name": "Acme",
                     *         "slug": "acme"
                     *       },
                     *       "key": {
                     *         "kind": "secret",
                     *         "prefix": "pcs_3kd9"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WorkspaceOfKey"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaigns: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                status?: "draft" | "in_review" | "approved" | "rejected" | "active" | "paused" | "completed" | "stopped";
                type?: "scheduled" | "api";
                kind?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List campaigns */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a campaign */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsByIdTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipient": {
                 *         "email": "ada@example.com",
                 *         "attributes": {
                 *           "firstName": "Ada"
                 *         }
                 *       },
                 *       "context": {
                 *         "orderId": "o-1042"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["TriggerBody"];
            };
        };
        responses: {
            /** @description Send an API-triggered campaign to one recipient */
            202: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messageId": "0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69",
                     *       "status": "sent"
                     *     }
                     */
                    "application/json": components["schemas"]["TriggerResponse"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "The campaign is paused; activate it first",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCampaignsByIdTriggerBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "recipients": [
                 *         {
                 *           "recipient": {
                 *             "externalId": "42"
                 *           },
                 *           "context": {
                 *             "orderId": "o-1042"
                 *           }
                 *         },
                 *         {
                 *           "recipient": {
                 *             "email": "grace@example.com"
                 *           },
                 *           "idempotencyKey": "order-1043"
                 *         }
                 *       ],
                 *       "context": {
                 *         "store": "Lagos"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["TriggerBatchBody"];
            };
        };
        responses: {
            /** @description Send an API-triggered campaign to up to 1,000 recipients */
            202: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "index": 0,
                     *           "messageId": "0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69",
                     *           "status": "sent"
                     *         },
                     *         {
                     *           "index": 1,
                     *           "error": {
                     *             "code": "BAD_REQUEST",
                     *             "message": "context.orderId is required by the campaign's content",
                     *             "path": "recipients.1.context.orderId"
                     *           }
                     *         }
                     *       ],
                     *       "accepted": 1,
                     *       "failed": 1
                     *     }
                     */
                    "application/json": components["schemas"]["TriggerBatchResponse"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "The campaign is paused; activate it first",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessages: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                /** @description ISO 8601 time */
                since?: string;
                /** @description ISO 8601 time */
                until?: string;
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                profile?: string;
                /** @description A campaign id */
                campaign?: string;
                /** @description A journey id */
                journey?: string;
                status?: "queued" | "sending" | "deferred" | "sent" | "delivered" | "failed" | "suppressed" | "bounced" | "complained" | "expired";
                kind?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List messages */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessagesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a message: rendered content, recipient and history */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEvents: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                /** @description ISO 8601 time */
                since?: string;
                /** @description ISO 8601 time */
                until?: string;
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                profile?: string;
                name?: string;
                type?: "track" | "page" | "screen" | "identify" | "group";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List events */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProfiles: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                search?: string;
                /** @description `true`: test profiles only */
                test?: "true";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List profiles */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfilePage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProfilesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a profile: everything held on it (GDPR export) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileExport"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProfilesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delete a profile (GDPR erasure) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileDeleted"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchProfilesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileUpdate"];
            };
        };
        responses: {
            /** @description Update a profile's attributes */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileAttributes"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postProfilesByIdMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileMerge"];
            };
        };
        responses: {
            /** @description Merge another profile into this one */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileMerged"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProfilesByIdSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A profile's consents per channel and topic */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscriptions"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putProfilesByIdSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com` */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionChanges"];
            };
        };
        responses: {
            /** @description Record consents (source `api`) */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionsChanged"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudiences: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                /** @description `rules`: profiles matching conditions; `list`: a static list */
                kind?: "rules" | "list";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List audiences and static lists */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudiencePage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudiencesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get an audience with its size counted now */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Audience"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudiencesByIdCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Count an audience's members now */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceCount"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudiencesByIdMembers: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An audience's members, a page at a time */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceMemberPage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postListsByIdMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The list's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListMembersBody"];
            };
        };
        responses: {
            /** @description Add profiles to a static list */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListMembersAdded"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteListsByIdMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The list's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListMembersBody"];
            };
        };
        responses: {
            /** @description Remove profiles from a static list */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListMembersRemoved"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTemplates: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                kind?: "email" | "push" | "sms";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List templates */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a template with its content */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTemplatesByIdPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePreviewBody"];
            };
        };
        responses: {
            /** @description Render a template for a profile and a context */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreview"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneys: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                status?: "draft" | "live" | "stopped" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List journeys */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyPage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a journey with its graph and versions */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journey"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourneysByIdStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The resource's id (a UUID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A journey's live numbers, in total and per node */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyStats"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSuppressions: {
        parameters: {
            query?: {
                /** @description Items per page, at most 100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                channel?: string;
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List suppressed addresses */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionPage"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSuppressions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuppressionBody"];
            };
        };
        responses: {
            /** @description Suppress an address */
            201: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionAdded"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over the route's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The body is larger than the limit of 64 KB",
                     *         "path": "body"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSuppressions: {
        parameters: {
            query: {
                channel: string;
                address: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lift a suppression */
            200: {
                headers: {
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionRemoved"];
                };
            };
            /** @description Invalid input; `error.path` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "BAD_REQUEST",
                     *         "message": "recipient.email: recipient.email must be an email address",
                     *         "path": "recipient.email"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHORIZED",
                     *         "message": "Invalid API key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description This key kind may not call this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FORBIDDEN",
                     *         "message": "A write key cannot call this endpoint; use a secret key"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_FOUND",
                     *         "message": "Campaign not found",
                     *         "path": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description Requests this key may make per window (the workspace's setting) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window ends */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "TOO_MANY_REQUESTS",
                     *         "message": "Rate limit exceeded for this key; retry in 1 s"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
}
