import { z } from "zod";
import { getConfiguration } from "@/server/channels/configurations";
import { listConfigurations, listProviders, publicConfiguration } from "@/server/channels/list-configurations";
import { createConfiguration, deleteConfiguration, updateConfiguration, ZConfigurationInput } from "@/server/channels/manage-configurations";
import { testConfiguration } from "@/server/channels/test-configuration";
import { getMessagingSettings, updateMessagingSettings, ZMessagingSettings } from "@/server/messaging/messaging-settings";
import { router, workspaceProcedure } from "../init";

const ZConfigurationId = z.object({ configurationId: z.uuid("configurationId must be a UUID") });

export const channelsRouter = router({
  list: workspaceProcedure("channels.read").query(({ ctx }) => listConfigurations(ctx.workspace.id)),

  providers: workspaceProcedure("channels.read").query(() => listProviders()),

  get: workspaceProcedure("channels.read").input(ZConfigurationId).query(async ({ ctx, input }) => publicConfiguration(await getConfiguration(ctx.workspace.id, input.configurationId))),

  create: workspaceProcedure("channels.manage")
    .input(z.object({ configuration: ZConfigurationInput }))
    .mutation(async ({ ctx, input }) => publicConfiguration(await createConfiguration(ctx.workspace.id, input.configuration, ctx.actor))),

  update: workspaceProcedure("channels.manage")
    .input(ZConfigurationId.extend({ configuration: ZConfigurationInput }))
    .mutation(async ({ ctx, input }) => publicConfiguration(await updateConfiguration(ctx.workspace.id, input.configurationId, input.configuration, ctx.actor))),

  delete: workspaceProcedure("channels.manage").input(ZConfigurationId).mutation(({ ctx, input }) => deleteConfiguration(ctx.workspace.id, input.configurationId, ctx.actor)),

  test: workspaceProcedure("channels.manage").input(ZConfigurationId).mutation(({ ctx, input }) => testConfiguration(ctx.workspace.id, input.configurationId, ctx.actor)),

  settings: workspaceProcedure("channels.read").query(({ ctx }) => getMessagingSettings(ctx.workspace.id)),

  updateSettings: workspaceProcedure("channels.manage")
    .input(z.object({ settings: ZMessagingSettings }))
    .mutation(({ ctx, input }) => updateMessagingSettings(ctx.workspace.id, input.settings, ctx.actor)),
});
