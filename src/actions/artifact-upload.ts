/** Artifact upload for the package action (the only action that pulls in @actions/artifact). */
import { DefaultArtifactClient } from '@actions/artifact';
import type { GitHubServices } from '../commands/types.js';

export const artifactUpload: Pick<GitHubServices, 'uploadArtifact'> = {
  async uploadArtifact(name, files, rootDirectory) {
    const client = new DefaultArtifactClient();
    const { id } = await client.uploadArtifact(name, files, rootDirectory, { compressionLevel: 0 });
    return id;
  },
};
