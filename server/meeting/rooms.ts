/** Room names of a board's companion documents. */
export const meetingRoom = (boardId: string) => `${boardId}/meeting`;
export const draftsRoom = (boardId: string, participantId: string) =>
  `${boardId}/drafts/${participantId}`;
