import { FilePdfOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import type { HazardFileData } from './hazards.api';

const SIZE = 84;

/** Thumbnails that open the viewer (swipe through the group); PDFs open in a new tab. */
export function PhotoGallery({ files, size = SIZE, testId }: { files: HazardFileData[]; size?: number; testId?: string }) {
  if (files.length === 0) return null;
  const images = files.filter((f) => f.mime.startsWith('image/'));
  const documents = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <Flex wrap gap={8} data-testid={testId}>
      <Image.PreviewGroup>
        {images.map((f) => (
          <Image
            key={f.id}
            src={f.url}
            alt={f.name}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 6 }}
            data-testid="hazard-photo"
          />
        ))}
      </Image.PreviewGroup>
      {documents.map((f) => (
        <Typography.Link key={f.id} href={f.url} target="_blank" rel="noreferrer">
          <FilePdfOutlined /> {f.name}
        </Typography.Link>
      ))}
    </Flex>
  );
}
